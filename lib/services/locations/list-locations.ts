import { and, asc, desc, eq, gte, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { requirePermission, visibility, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { locations, type LocationRow } from '@/lib/db/schema';
import type { Location, LocationListQuery } from '@/lib/schemas/location';
import { decodeCursor, encodeCursor, type CursorBinding } from '@/lib/services/shared/cursor';
import { visibleCondition } from '@/lib/services/shared/scope';
import { locationSelection, toLocation } from './location-record';

const SORTS = {
  name: { column: locations.name, value: (row: LocationRow) => row.name },
  updated_at: { column: locations.updatedAt, value: (row: LocationRow) => row.updatedAt.toISOString() },
  created_at: { column: locations.createdAt, value: (row: LocationRow) => row.createdAt.toISOString() },
} as const;

const EARTH_RADIUS_M = 6_371_000;

/** Great-circle distance in metres from a point, with a bounding box first so an index can help. */
function withinRadius(lat: number, lon: number, radius: number): SQL {
  const dLat = (radius / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLon = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
  const distance = sql`${EARTH_RADIUS_M} * 2 * asin(sqrt(
    power(sin(radians(${locations.latitude} - ${lat}) / 2), 2) +
    cos(radians(${lat})) * cos(radians(${locations.latitude})) * power(sin(radians(${locations.longitude} - ${lon}) / 2), 2)))`;
  return and(
    sql`${locations.latitude} between ${lat - dLat} and ${lat + dLat}`,
    sql`${locations.longitude} between ${lon - dLon} and ${lon + dLon}`,
    sql`${distance} <= ${radius}`,
  )!;
}

/** GET /api/v2/locations: the caller's visible locations, filtered, keyset-paginated. */
export async function listLocations({ ctx, query }: { ctx: AuthContext; query: LocationListQuery }) {
  requirePermission(ctx, 'location:read');
  const { limit, cursor, sort, ...filters } = query;
  const binding: CursorBinding = { ctx, endpoint: 'locations', filters: { ...filters, sort } };

  const descending = sort.startsWith('-');
  const sortKey = sort.replace(/^-/, '') as keyof typeof SORTS;
  const { column: sortColumn, value: sortValue } = SORTS[sortKey];
  const isTime = sortKey !== 'name';

  const conditions: (SQL | undefined)[] = [
    visibleCondition(visibility(ctx, 'location:read'), locations.tenantId),
    filters.include_deleted ? undefined : isNull(locations.deletedAt),
    filters.tenant ? eq(locations.tenantId, filters.tenant) : undefined,
    filters.date_from ? gte(locations.updatedAt, filters.date_from) : undefined,
    filters.date_to ? lt(locations.updatedAt, filters.date_to) : undefined,
    filters.q ? searchCondition(filters.q) : undefined,
    filters.custom_group
      ? sql`exists (select 1 from location_custom_groups lcg join custom_groups cg on cg.id = lcg.group_id
          where lcg.location_id = "locations"."id" and cg.name = ${filters.custom_group})`
      : undefined,
    filters.near && filters.radius ? withinRadius(filters.near[0], filters.near[1], filters.radius) : undefined,
  ];
  if (cursor) {
    const after = decodeCursor(cursor, binding);
    const value = isTime ? sql`${after.value}::timestamptz` : sql`${after.value}`;
    conditions.push(
      descending
        ? sql`(${sortColumn}, ${locations.id}) < (${value}, ${after.id}::uuid)`
        : sql`(${sortColumn}, ${locations.id}) > (${value}, ${after.id}::uuid)`,
    );
  }

  const order = descending ? [desc(sortColumn), desc(locations.id)] : [asc(sortColumn), asc(locations.id)];
  const records = await getDb()
    .select(locationSelection)
    .from(locations)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(limit + 1);

  const page = records.slice(0, limit);
  const last = page.at(-1);
  const data: Location[] = page.map(toLocation);
  return {
    data,
    next_cursor: records.length > limit && last ? encodeCursor({ value: sortValue(last.row), id: last.row.id }, binding) : null,
  };
}

function searchCondition(q: string): SQL {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(
    ilike(locations.name, pattern),
    ilike(locations.address, pattern),
    ilike(locations.city, pattern),
    ilike(locations.externalId, pattern),
  )!;
}

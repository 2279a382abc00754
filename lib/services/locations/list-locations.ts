import { and, eq, gte, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { requirePermission, visibility, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { locations, type LocationRow } from '@/lib/db/schema';
import type { Location, LocationListQuery } from '@/lib/schemas/location';
import type { CursorBinding } from '@/lib/services/shared/cursor';
import { withinRadius } from '@/lib/services/shared/geo';
import { keyset, type SortKey } from '@/lib/services/shared/keyset';
import { containsPattern } from '@/lib/services/shared/search';
import { visibleCondition } from '@/lib/services/shared/scope';
import { locationSelection, toLocation } from './location-record';

const SORTS: Record<string, SortKey<LocationRow>> = {
  name: { column: locations.name, value: (row) => row.name },
  updated_at: { column: locations.updatedAt, value: (row) => row.updatedAt.toISOString(), timestamp: true, changeOrder: true },
  created_at: { column: locations.createdAt, value: (row) => row.createdAt.toISOString(), timestamp: true },
};

/** GET /api/v2/locations: the caller's visible locations, filtered, keyset-paginated. */
export async function listLocations({ ctx, query }: { ctx: AuthContext; query: LocationListQuery }) {
  requirePermission(ctx, 'location:read');
  const { limit, cursor, sort, ...filters } = query;
  const binding: CursorBinding = { ctx, endpoint: 'locations', filters: { ...filters, sort } };

  const { after, orderBy, page } = await keyset({ sorts: SORTS, sort, idColumn: locations.id, cursor, binding });

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
    filters.near && filters.radius
      ? withinRadius({ latitude: locations.latitude, longitude: locations.longitude }, filters.near, filters.radius)
      : undefined,
    after,
  ];
  const records = await getDb()
    .select(locationSelection)
    .from(locations)
    .where(and(...conditions))
    .orderBy(...orderBy)
    .limit(limit + 1);
  const { rows, next_cursor } = page(records, limit, (record) => record.row);
  const data: Location[] = rows.map(toLocation);
  return { data, next_cursor };
}

function searchCondition(q: string): SQL {
  const pattern = containsPattern(q);
  return or(
    ilike(locations.name, pattern),
    ilike(locations.address, pattern),
    ilike(locations.city, pattern),
    ilike(locations.externalId, pattern),
  )!;
}

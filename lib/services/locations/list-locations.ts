import { eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { visibility, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { locations, type LocationRow } from '@/lib/db/schema';
import type { Location, LocationListQuery } from '@/lib/schemas/location';
import { withinRadius } from '@/lib/services/shared/geo';
import type { SortKey } from '@/lib/services/shared/keyset';
import { listPage, type ListFilterSpec } from '@/lib/services/shared/list-query';
import { visibleCondition } from '@/lib/services/shared/scope';
import { containsPattern } from '@/lib/services/shared/search';
import { locationSelection, toLocation } from './location-record';

const SORTS: Record<string, SortKey<LocationRow>> = {
  name: { column: locations.name, value: (row) => row.name },
  updated_at: { column: locations.updatedAt, value: (row) => row.updatedAt.toISOString(), timestamp: true, changeOrder: true },
  created_at: { column: locations.createdAt, value: (row) => row.createdAt.toISOString(), timestamp: true },
};

/** What the location list (and its export) is over: permission, scope, sorts and filters. */
export function locationList(ctx: AuthContext, query: LocationListQuery): ListFilterSpec<LocationListQuery, LocationRow> {
  return {
    ctx,
    permission: 'location:read',
    endpoint: 'locations',
    query,
    scope: visibleCondition(visibility(ctx, 'location:read'), locations.tenantId),
    sorts: SORTS,
    idColumn: locations.id,
    changedColumn: locations.updatedAt,
    deletedColumn: locations.deletedAt,
    filters: [
      query.tenant ? eq(locations.tenantId, query.tenant) : undefined,
      query.q ? searchCondition(query.q) : undefined,
      query.custom_group
        ? sql`exists (select 1 from location_custom_groups lcg join custom_groups cg on cg.id = lcg.group_id
          where lcg.location_id = "locations"."id" and cg.name = ${query.custom_group})`
        : undefined,
      query.near && query.radius
        ? withinRadius({ latitude: locations.latitude, longitude: locations.longitude }, query.near, query.radius)
        : undefined,
    ],
  };
}

/** GET /api/v2/locations: the caller's visible locations, filtered, keyset-paginated. */
export async function listLocations({ ctx, query }: { ctx: AuthContext; query: LocationListQuery }) {
  const { records, next_cursor } = await listPage({
    ...locationList(ctx, query),
    fetch: ({ where, orderBy, limit }) =>
      getDb()
        .select(locationSelection)
        .from(locations)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
    rowOf: (record) => record.row,
  });
  const data: Location[] = records.map(toLocation);
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

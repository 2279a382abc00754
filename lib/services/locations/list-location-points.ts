import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { locations } from '@/lib/db/schema';
import type { LocationListQuery } from '@/lib/schemas/location';
import { listClauses } from '@/lib/services/shared/list-query';
import { locationList } from './list-locations';

/** The most points a map takes in one answer: well above the 50 000 locations a deployment has. */
export const LOCATION_POINTS_MAX = 100_000;

export type LocationPoint = { id: string; name: string; city: string; latitude: number; longitude: number };

/**
 * Every visible location matching the list's filters (not its page), by name, with only what a map marker
 * needs: the map clusters them in the browser. `truncated` when there were more than the maximum.
 */
export async function listLocationPoints({
  ctx,
  query,
}: {
  ctx: AuthContext;
  query: Omit<LocationListQuery, 'cursor'>;
}): Promise<{ points: LocationPoint[]; truncated: boolean }> {
  const { where } = await listClauses(locationList(ctx, { ...query, cursor: undefined, sort: 'name' }));
  const rows = await getDb()
    .select({ id: locations.id, name: locations.name, city: locations.city, latitude: locations.latitude, longitude: locations.longitude })
    .from(locations)
    .where(where)
    .orderBy(locations.name, locations.id)
    .limit(LOCATION_POINTS_MAX + 1);
  return { points: rows.slice(0, LOCATION_POINTS_MAX), truncated: rows.length > LOCATION_POINTS_MAX };
}

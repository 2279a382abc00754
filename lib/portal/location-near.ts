import type { AuthContext } from '@/lib/auth/context';
import { locationListQuerySchema } from '@/lib/schemas/location';
import { listLocations } from '@/lib/services/locations';
import { distanceMetres } from '@/lib/view/map';

/** The installer's "near me" radius: the largest the API's near filter takes. */
export const NEAR_RADIUS_M = 1000;
const NEAR_LIMIT = 25;

export type NearbyLocation = { id: string; name: string; address: string; city: string; distance: number };

/**
 * Visible locations within NEAR_RADIUS_M of `near` ("lat,lon" from the browser), nearest first.
 * null when `near` is not a valid position.
 */
export async function nearbyLocations(ctx: AuthContext, near: string): Promise<NearbyLocation[] | null> {
  const query = locationListQuerySchema.safeParse({ near, radius: String(NEAR_RADIUS_M), limit: String(NEAR_LIMIT), sort: 'name' });
  if (!query.success || !query.data.near) return null;
  const [latitude, longitude] = query.data.near;
  const page = await listLocations({ ctx, query: query.data });
  return page.data
    .map((l) => ({
      id: l.id,
      name: l.name,
      address: l.address,
      city: l.city,
      distance: Math.round(distanceMetres({ latitude, longitude }, l.coordinates)),
    }))
    .sort((a, b) => a.distance - b.distance);
}

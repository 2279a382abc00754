import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import type { Location } from '@/lib/schemas/location';
import { getLocationOrThrow, toLocation } from './location-record';

/** GET /api/v2/locations/{id}: 404 when missing, deleted or outside the caller's scope. */
export async function getLocation({ ctx, id }: { ctx: AuthContext; id: string }): Promise<Location> {
  return toLocation(await getLocationOrThrow(getDb(), ctx, id));
}

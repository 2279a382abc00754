import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import type { ChargeStation } from '@/lib/schemas/charge-station';
import { getStationRowOrThrow, toChargeStation } from './station-record';

/** GET /api/v2/charge-stations/{id}: 404 when missing, deleted or outside the caller's scope. */
export async function getChargeStation({ ctx, id }: { ctx: AuthContext; id: string }): Promise<ChargeStation> {
  return toChargeStation(getDb(), await getStationRowOrThrow(getDb(), ctx, id));
}

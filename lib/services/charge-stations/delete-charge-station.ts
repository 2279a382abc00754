import { eq } from 'drizzle-orm';
import { requirePermission, type AuthContext } from '@/lib/auth/context';
import { chargeStations } from '@/lib/db/schema';
import { changedAt, writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { recordDeletion } from '@/lib/services/shared/soft-delete';
import { bumpVersion, getStationRowOrThrow } from './station-record';

/** DELETE /api/v2/charge-stations/{id}: soft delete; frees the ocpp_id for a new station. */
export async function deleteChargeStation({ ctx, id, expectedVersion }: { ctx: AuthContext; id: string; expectedVersion?: number }) {
  await writeTransaction(async (tx) => {
    const row = await getStationRowOrThrow(tx, ctx, id, { forUpdate: true });
    requirePermission(ctx, 'station:delete', row.tenantId);
    assertVersion('charge station', row.version, expectedVersion);
    await tx
      .update(chargeStations)
      .set({ deletedAt: changedAt, ...bumpVersion })
      .where(eq(chargeStations.id, id));
    await recordDeletion(tx, ctx, { entity: 'charge_station', entityId: id, tenantId: row.tenantId });
  });
}

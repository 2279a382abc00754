import { and, eq, isNull } from 'drizzle-orm';
import { requireCpoWide } from '@/lib/auth/context';
import type { AuthContext } from '@/lib/auth/context';
import { chargeStations, connectorTariffs, evses, tariffs } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { recordDeletion, softDeleted } from '@/lib/services/shared/soft-delete';
import { getTariffOrThrow, toTariff } from './tariff-record';

/** DELETE /api/v2/tariffs/{id}: soft delete; 409 while a connector of a live station uses it. */
export async function deleteTariff({ ctx, id, expectedVersion }: { ctx: AuthContext; id: string; expectedVersion?: number }) {
  await writeTransaction(async (tx) => {
    const current = toTariff(await getTariffOrThrow(tx, ctx, id, { forUpdate: true }), { allTenants: true });
    requireCpoWide(ctx, 'tariff:manage');
    assertVersion('tariff', current.version, expectedVersion);
    // The row lock above also holds off a concurrent connector_tariffs insert (its foreign-key check
    // takes a key-share lock on this row) until the delete commits.
    const [used] = await tx
      .select({ stationId: chargeStations.id })
      .from(connectorTariffs)
      .innerJoin(evses, eq(evses.uid, connectorTariffs.evseUid))
      .innerJoin(chargeStations, eq(chargeStations.id, evses.stationId))
      .where(and(eq(connectorTariffs.tariffId, id), isNull(chargeStations.deletedAt)))
      .limit(1);
    if (used) throw new AppError('conflict', 'The tariff is still assigned to connectors; remove it from them first.');
    // A delete is a change too: it bumps updated_at so incremental syncs see it.
    await tx.update(tariffs).set(softDeleted(tariffs.version)).where(eq(tariffs.id, id));
    await recordDeletion(tx, ctx, { entity: 'tariff', entityId: id, tenantId: null });
  });
}

import { requireCpoWide } from '@/lib/auth/context';
import { changedAt, writeTransaction } from '@/lib/services/shared/change-order';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { chargeStations, connectorTariffs, evses, tariffs } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/services/shared/audit';
import { assertVersion } from '@/lib/services/shared/if-match';
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
    await tx
      .update(tariffs)
      .set({ deletedAt: changedAt, updatedAt: changedAt, version: sql`${tariffs.version} + 1` })
      .where(eq(tariffs.id, id));
    await recordAudit(tx, ctx, {
      action: 'tariff.deleted',
      entity: 'tariff',
      entityId: id,
      tenantId: null,
      before: { deleted: false },
      after: { deleted: true },
    });
  });
}

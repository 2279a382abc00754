import { requireCpoWide } from '@/lib/auth/context';
import { changedAt, writeTransaction } from '@/lib/services/shared/change-order';
import { and, eq, isNull, notInArray, or, sql } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { chargeStations, connectorTariffs, evses, tariffs } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/schemas/parse';
import { tariffReplaceSchema, type Tariff } from '@/lib/schemas/tariff';
import { recordAudit } from '@/lib/services/shared/audit';
import { assertVersion } from '@/lib/services/shared/if-match';
import { stripReadOnly } from '@/lib/services/shared/merge-patch';
import { getTariffOrThrow, tariffColumns, toTariff } from './tariff-record';
import { assertTenantsExist, setTariffTenants } from './tariff-writes';

/** Fields a PUT may echo but never change; the code is immutable. */
export const TARIFF_READ_ONLY = ['id', 'version', 'created_at', 'updated_at'] as const;

type ReplaceTariffArgs = {
  ctx: AuthContext;
  id: string;
  /** The parsed JSON object of the request. */
  body: Record<string, unknown>;
  /** From If-Match; a different current version answers 412 and changes nothing. */
  expectedVersion?: number;
};

/** PUT /api/v2/tariffs/{id}: replaces the writable fields; optional ones left out are cleared. */
export async function replaceTariff({ ctx, id, body, expectedVersion }: ReplaceTariffArgs): Promise<Tariff> {
  return writeTransaction(async (tx) => {
    const current = toTariff(await getTariffOrThrow(tx, ctx, id, { forUpdate: true }), { allTenants: true });
    requireCpoWide(ctx, 'tariff:manage');
    assertVersion('tariff', current.version, expectedVersion);
    const input = parseOrThrow(tariffReplaceSchema, stripReadOnly(body, current, TARIFF_READ_ONLY));
    const tenantIds = (input.tenant_ids ?? []).map((t) => t.toLowerCase());
    await assertTenantsExist(tx, tenantIds);
    if (tenantIds.length) {
      // Narrowing the offer must not strand stations of a tenant that loses it.
      const [stranded] = await tx
        .select({ tenantId: chargeStations.tenantId })
        .from(connectorTariffs)
        .innerJoin(evses, eq(evses.uid, connectorTariffs.evseUid))
        .innerJoin(chargeStations, eq(chargeStations.id, evses.stationId))
        .where(
          and(
            eq(connectorTariffs.tariffId, id),
            isNull(chargeStations.deletedAt),
            or(isNull(chargeStations.tenantId), notInArray(chargeStations.tenantId, tenantIds)),
          ),
        )
        .limit(1);
      if (stranded) {
        throw new AppError(
          'conflict',
          'Connectors of a tenant this tariff would no longer be offered to still use it; reassign them first.',
        );
      }
    }

    await tx
      .update(tariffs)
      .set({ ...tariffColumns(input), version: sql`${tariffs.version} + 1`, updatedAt: changedAt })
      .where(eq(tariffs.id, id));
    await setTariffTenants(tx, id, tenantIds);

    const updated = toTariff(await getTariffOrThrow(tx, ctx, id), { allTenants: true });
    await recordAudit(tx, ctx, {
      action: 'tariff.updated',
      entity: 'tariff',
      entityId: id,
      tenantId: null,
      before: current,
      after: updated,
    });
    return updated;
  });
}

import { and, eq, isNull, notInArray, or } from 'drizzle-orm';
import { requireCpoWide, type AuthContext } from '@/lib/auth/context';
import type { Tx } from '@/lib/db/client';
import { chargeStations, connectorTariffs, evses, tariffs } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { tariffReplaceSchema, type Tariff } from '@/lib/schemas/tariff';
import { versionedUpdate } from '@/lib/services/shared/versioned-update';
import { getTariffOrThrow, tariffColumns, toTariff } from './tariff-record';
import { assertTenantsExist, writeTariffTenants } from './tariff-writes';

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

/** Narrowing the offer must not strand stations of a tenant that loses it (409). */
async function assertNoneStranded(tx: Tx, tariffId: string, tenantIds: string[]) {
  if (!tenantIds.length) return;
  const [stranded] = await tx
    .select({ tenantId: chargeStations.tenantId })
    .from(connectorTariffs)
    .innerJoin(evses, eq(evses.uid, connectorTariffs.evseUid))
    .innerJoin(chargeStations, eq(chargeStations.id, evses.stationId))
    .where(
      and(
        eq(connectorTariffs.tariffId, tariffId),
        isNull(chargeStations.deletedAt),
        or(isNull(chargeStations.tenantId), notInArray(chargeStations.tenantId, tenantIds)),
      ),
    )
    .limit(1);
  if (stranded) {
    throw new AppError('conflict', 'Connectors of a tenant this tariff would no longer be offered to still use it; reassign them first.');
  }
}

/** PUT /api/v2/tariffs/{id}: replaces the writable fields; optional ones left out are cleared. */
export function replaceTariff({ ctx, id, body, expectedVersion }: ReplaceTariffArgs): Promise<Tariff> {
  const allTenants = { allTenants: true } as const;
  return versionedUpdate({
    ctx,
    id,
    body,
    mode: 'replace',
    expectedVersion,
    noun: 'tariff',
    lock: async (tx: Tx) => {
      const record = await getTariffOrThrow(tx, ctx, id, { forUpdate: true });
      return { record, current: toTariff(record, allTenants) };
    },
    authorize: () => requireCpoWide(ctx, 'tariff:manage'),
    readOnly: TARIFF_READ_ONLY,
    schema: tariffReplaceSchema,
    check: async ({ tx, input }) => {
      const tenantIds = (input.tenant_ids ?? []).map((t) => t.toLowerCase());
      await assertTenantsExist(tx, tenantIds);
      await assertNoneStranded(tx, id, tenantIds);
      return tenantIds;
    },
    table: tariffs,
    columns: ({ input }) => tariffColumns(input),
    finish: async ({ tx, locked: { record } }, row, tenantIds) => {
      const changed = await writeTariffTenants(tx, id, record.tenantIds, tenantIds);
      return toTariff(changed ? await getTariffOrThrow(tx, ctx, id) : { ...record, row }, allTenants);
    },
    audit: { action: 'tariff.updated', entity: 'tariff', tenantId: () => null },
  });
}

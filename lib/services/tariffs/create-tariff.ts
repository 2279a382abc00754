import { requireCpoWide } from '@/lib/auth/context';
import { changedAt, writeTransaction } from '@/lib/services/shared/change-order';
import { eq, sql } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { tariffs } from '@/lib/db/schema';
import type { Tariff, TariffCreateInput } from '@/lib/schemas/tariff';
import { recordAudit } from '@/lib/services/shared/audit';
import { conflict } from '@/lib/services/shared/unique-clash';
import { getTariffOrThrow, tariffColumns, toTariff } from './tariff-record';
import { assertTenantsExist, setTariffTenants } from './tariff-writes';

/**
 * POST /api/v2/tariffs. The code is the primary key, so a soft-deleted tariff with the same code
 * is revived (its fields overwritten) rather than clashing: unique keys apply to live rows only.
 */
export async function createTariff({ ctx, input }: { ctx: AuthContext; input: TariffCreateInput }): Promise<Tariff> {
  requireCpoWide(ctx, 'tariff:manage');
  const { id, tenant_ids, ...fields } = input;
  const tenantIds = (tenant_ids ?? []).map((t) => t.toLowerCase());
  return writeTransaction(async (tx) => {
    await assertTenantsExist(tx, tenantIds);
    // ON CONFLICT waits for a concurrent insert of the same code, so the lookup below sees it.
    const inserted = await tx
      .insert(tariffs)
      .values({ id, ...tariffColumns(fields) })
      .onConflictDoNothing({ target: tariffs.id })
      .returning({ id: tariffs.id });
    if (!inserted.length) {
      const [existing] = await tx.select({ deletedAt: tariffs.deletedAt }).from(tariffs).where(eq(tariffs.id, id)).for('update');
      if (!existing?.deletedAt) throw conflict(`A tariff with id "${id}" already exists.`, id);
      await tx
        .update(tariffs)
        .set({ ...tariffColumns(fields), deletedAt: null, updatedAt: changedAt, version: sql`${tariffs.version} + 1` })
        .where(eq(tariffs.id, id));
    }
    await setTariffTenants(tx, id, tenantIds);
    const created = toTariff(await getTariffOrThrow(tx, ctx, id), { allTenants: true });
    await recordAudit(tx, ctx, { action: 'tariff.created', entity: 'tariff', entityId: id, tenantId: null, after: created });
    return created;
  });
}

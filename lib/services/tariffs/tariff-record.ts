import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { visibility, type AuthContext, type Visibility } from '@/lib/auth/context';
import type { Queryable } from '@/lib/db/client';
import { tariffs, type TariffRow } from '@/lib/db/schema';
import { notFound } from '@/lib/errors';
import { TARIFF_ID_PATTERN, type Tariff, type TariffReplaceInput } from '@/lib/schemas/tariff';

/**
 * A tariff plus the tenants it is offered to. The subquery names the table explicitly: drizzle
 * leaves columns unqualified in a single-table select.
 */
export const tariffSelection = {
  row: tariffs,
  tenantIds: sql<string[]>`coalesce((
    select array_agg(tt.tenant_id::text order by tt.tenant_id)
    from tariff_tenants tt where tt.tariff_id = "tariffs"."id"), '{}')`,
};

export type TariffRecord = { row: TariffRow; tenantIds: string[] };

/**
 * Tariffs a caller may see: all of them CPO-wide; otherwise those offered to every tenant or to
 * one of the tenants where it holds `tariff:read`.
 */
export function offeredCondition(vis: Visibility): SQL | undefined {
  if (vis.allTenants) return undefined;
  if (!vis.tenantIds.length) return sql`false`;
  return offeredTo(vis.tenantIds);
}

/** Tariffs offered to any of `tenantIds`, including those offered to every tenant. */
export function offeredTo(tenantIds: string[]): SQL {
  const ids = sql.join(
    tenantIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return sql`(not exists (select 1 from tariff_tenants tt where tt.tariff_id = "tariffs"."id")
    or exists (select 1 from tariff_tenants tt where tt.tariff_id = "tariffs"."id" and tt.tenant_id in (${ids})))`;
}

/**
 * The API representation of a tariff. A tenant-scoped caller sees only its own tenants in
 * `tenant_ids`, so it never learns which other tenants exist.
 */
export function toTariff({ row, tenantIds }: TariffRecord, vis: Visibility): Tariff {
  return {
    id: row.id,
    name: row.name,
    currency: row.currency,
    elements: row.elements,
    tenant_ids: vis.allTenants ? tenantIds : tenantIds.filter((id) => vis.tenantIds.includes(id)),
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    ...(row.deletedAt ? { deleted_at: row.deletedAt.toISOString() } : {}),
  };
}

/** Column values for an insert or update from validated writable fields. */
export function tariffColumns(input: TariffReplaceInput) {
  return { name: input.name ?? null, currency: input.currency, elements: input.elements };
}

/**
 * The one way to load a tariff for a caller: what it may see is part of the WHERE, so a tariff not
 * offered to its tenants is indistinguishable from a missing one (404). `forUpdate` locks the row.
 */
export async function getTariffOrThrow(
  db: Queryable,
  ctx: AuthContext,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<TariffRecord> {
  if (!TARIFF_ID_PATTERN.test(id)) throw notFound('Tariff');
  const query = db
    .select(tariffSelection)
    .from(tariffs)
    .where(and(eq(tariffs.id, id), isNull(tariffs.deletedAt), offeredCondition(visibility(ctx, 'tariff:read'))));
  const [record] = options.forUpdate ? await query.for('update', { of: tariffs }) : await query;
  if (!record) throw notFound('Tariff');
  return record;
}

import { and, gte, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { requirePermission, visibility, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { tariffs, type TariffRow } from '@/lib/db/schema';
import type { Tariff, TariffListQuery } from '@/lib/schemas/tariff';
import type { CursorBinding } from '@/lib/services/shared/cursor';
import { keyset, type SortKey } from '@/lib/services/shared/keyset';
import { containsPattern } from '@/lib/services/shared/search';
import { offeredCondition, offeredTo, tariffSelection, toTariff } from './tariff-record';

const SORTS: Record<string, SortKey<TariffRow>> = {
  id: { column: tariffs.id, value: (row) => row.id },
  // name is optional; a NULL would drop out of the keyset row comparison.
  name: { column: sql`coalesce(${tariffs.name}, '')`, value: (row) => row.name ?? '' },
  updated_at: { column: tariffs.updatedAt, value: (row) => row.updatedAt.toISOString(), timestamp: true, changeOrder: true },
  created_at: { column: tariffs.createdAt, value: (row) => row.createdAt.toISOString(), timestamp: true },
};

/** GET /api/v2/tariffs: the tariffs offered to the caller's tenants (all, CPO-wide), keyset-paginated. */
export async function listTariffs({ ctx, query }: { ctx: AuthContext; query: TariffListQuery }) {
  requirePermission(ctx, 'tariff:read');
  const { limit, cursor, sort, ...filters } = query;
  const binding: CursorBinding = { ctx, endpoint: 'tariffs', filters: { ...filters, sort } };
  const { after, orderBy, page } = await keyset({ sorts: SORTS, sort, idColumn: tariffs.id, idType: 'text', cursor, binding });

  const vis = visibility(ctx, 'tariff:read');
  // A tenant outside the caller's scope filters to nothing rather than revealing its offers.
  const tenant = filters.tenant?.toLowerCase();
  const tenantInScope = !tenant || vis.allTenants || vis.tenantIds.includes(tenant);
  const conditions: (SQL | undefined)[] = [
    offeredCondition(vis),
    filters.include_deleted ? undefined : isNull(tariffs.deletedAt),
    tenant ? (tenantInScope ? offeredTo([tenant]) : sql`false`) : undefined,
    filters.date_from ? gte(tariffs.updatedAt, filters.date_from) : undefined,
    filters.date_to ? lt(tariffs.updatedAt, filters.date_to) : undefined,
    filters.q ? or(ilike(tariffs.id, containsPattern(filters.q)), ilike(tariffs.name, containsPattern(filters.q))) : undefined,
    after,
  ];
  const records = await getDb()
    .select(tariffSelection)
    .from(tariffs)
    .where(and(...conditions))
    .orderBy(...orderBy)
    .limit(limit + 1);
  const { rows, next_cursor } = page(records, limit, (record) => record.row);
  const data: Tariff[] = rows.map((record) => toTariff(record, vis));
  return { data, next_cursor };
}

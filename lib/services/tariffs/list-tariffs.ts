import { ilike, or, sql } from 'drizzle-orm';
import { visibility, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { tariffs, type TariffRow } from '@/lib/db/schema';
import type { Tariff, TariffListQuery } from '@/lib/schemas/tariff';
import type { SortKey } from '@/lib/services/shared/keyset';
import { listPage } from '@/lib/services/shared/list-query';
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
  const vis = visibility(ctx, 'tariff:read');
  // A tenant outside the caller's scope filters to nothing rather than revealing its offers.
  const tenant = query.tenant?.toLowerCase();
  const tenantInScope = !tenant || vis.allTenants || vis.tenantIds.includes(tenant);
  const { records, next_cursor } = await listPage({
    ctx,
    permission: 'tariff:read',
    endpoint: 'tariffs',
    query,
    scope: offeredCondition(vis),
    sorts: SORTS,
    idColumn: tariffs.id,
    idType: 'text',
    changedColumn: tariffs.updatedAt,
    deletedColumn: tariffs.deletedAt,
    filters: [
      tenant ? (tenantInScope ? offeredTo([tenant]) : sql`false`) : undefined,
      query.q ? or(ilike(tariffs.id, containsPattern(query.q)), ilike(tariffs.name, containsPattern(query.q))) : undefined,
    ],
    fetch: ({ where, orderBy, limit }) =>
      getDb()
        .select(tariffSelection)
        .from(tariffs)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
    rowOf: (record) => record.row,
  });
  const data: Tariff[] = records.map((record) => toTariff(record, vis));
  return { data, next_cursor };
}

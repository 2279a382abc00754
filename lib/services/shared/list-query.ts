import { and, gte, isNull, lt, type AnyColumn, type SQL } from 'drizzle-orm';
import { requirePermission, type AuthContext } from '@/lib/auth/context';
import type { Permission } from '@/lib/auth/permissions';
import { keyset, type SortKey } from './keyset';

/** What every list query carries besides its own filters. */
export type ListQuery = { limit: number; cursor?: string; sort: string; include_deleted?: boolean; date_from?: Date; date_to?: Date };

/** What a list is over: everything but how its rows are fetched. Exports share it with the list. */
export type ListFilterSpec<Q extends ListQuery, Row extends { id: string }> = {
  ctx: AuthContext;
  /** Needed to list at all (403). */
  permission: Permission;
  /** Names the list in its cursors, so a cursor of one list is a 400 on another. */
  endpoint: string;
  query: Q;
  /** What the caller may see; undefined when it sees everything. */
  scope: SQL | undefined;
  sorts: Record<string, SortKey<Row>>;
  idColumn: AnyColumn;
  /** How the id column is typed: UUIDs by default, `text` for client-chosen codes. */
  idType?: 'uuid' | 'text';
  /** The change time `date_from` (inclusive) and `date_to` (exclusive) filter on. */
  changedColumn: AnyColumn;
  /** Soft-deleted rows are left out unless `include_deleted=true`; absent for rows never deleted. */
  deletedColumn?: AnyColumn;
  /** The list's own filters. */
  filters: (SQL | undefined)[];
};

type ListSpec<Q extends ListQuery, Row extends { id: string }, R> = ListFilterSpec<Q, Row> & {
  /** Runs the query with the WHERE, ORDER BY and LIMIT built here. */
  fetch: (clauses: { where: SQL | undefined; orderBy: SQL[]; limit: number }) => Promise<R[]>;
  /** The row a fetched record pages by (its sort value and id). */
  rowOf: (record: R) => Row;
};

/**
 * The WHERE and ORDER BY of a list, after the permission check: the caller's scope, the deleted and
 * change-window filters, the list's own filters and where the cursor (bound to caller, endpoint,
 * filters and sort, see cursor.ts) starts; and `page`, which cuts a page and its `next_cursor`.
 */
export async function listClauses<Q extends ListQuery, Row extends { id: string }>(spec: ListFilterSpec<Q, Row>) {
  requirePermission(spec.ctx, spec.permission);
  const { limit: _limit, cursor, sort, ...filters } = spec.query;
  const { after, orderBy, page } = await keyset({
    sorts: spec.sorts,
    sort,
    idColumn: spec.idColumn,
    idType: spec.idType,
    cursor,
    binding: { ctx: spec.ctx, endpoint: spec.endpoint, filters: { ...filters, sort } },
  });
  const where = and(
    spec.scope,
    spec.deletedColumn && !filters.include_deleted ? isNull(spec.deletedColumn) : undefined,
    filters.date_from ? gte(spec.changedColumn, filters.date_from) : undefined,
    filters.date_to ? lt(spec.changedColumn, filters.date_to) : undefined,
    ...spec.filters,
    after,
  );
  return { where, orderBy, page };
}

/** One page of a keyset-paginated list: `limit + 1` rows fetched to know whether a next page exists. */
export async function listPage<Q extends ListQuery, Row extends { id: string }, R>(
  spec: ListSpec<Q, Row, R>,
): Promise<{ records: R[]; next_cursor: string | null }> {
  const { where, orderBy, page } = await listClauses(spec);
  const limit = spec.query.limit;
  const records = await spec.fetch({ where, orderBy, limit: limit + 1 });
  const { rows, next_cursor } = page(records, limit, spec.rowOf);
  return { records: rows, next_cursor };
}

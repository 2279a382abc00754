import { and, asc, desc, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { settledChanges } from './change-order';
import { decodeCursor, encodeCursor, type CursorBinding } from './cursor';

/**
 * A sortable key of a list: its column (or a non-null expression over one, e.g. `coalesce(name, '')`
 * for a nullable column, which a row comparison would skip), how to read it from a row, whether
 * it is a timestamp, and whether it is the change time that incremental syncs page by.
 */
export type SortKey<Row> = {
  column: AnyColumn | SQL;
  value: (row: Row) => string | number | null;
  timestamp?: boolean;
  changeOrder?: boolean;
};

type Keyset<Row> = {
  sorts: Record<string, SortKey<Row>>;
  /** `name` or `-name`. */
  sort: string;
  idColumn: AnyColumn;
  /** How the id column is typed: UUIDs by default, `text` for client-chosen codes (tariffs). */
  idType?: 'uuid' | 'text';
  cursor: string | undefined;
  binding: CursorBinding;
};

/**
 * Keyset pagination over `(sort column, id)`: the WHERE that starts after the cursor and the
 * ORDER BY. Stable while rows change: an updated row moves to the end and is seen again; in change
 * order only settled changes are returned (see change-order.ts), so none is ever skipped.
 */
export async function keyset<Row>({ sorts, sort, idColumn, idType = 'uuid', cursor, binding }: Keyset<Row>) {
  const descending = sort.startsWith('-');
  const key = sorts[sort.replace(/^-/, '')]!;
  let after: SQL | undefined;
  if (cursor) {
    const position = decodeCursor(cursor, binding);
    const value = key.timestamp ? sql`${position.value}::timestamptz` : sql`${position.value}`;
    const id = idType === 'uuid' ? sql`${position.id}::uuid` : sql`${position.id}`;
    after = descending ? sql`(${key.column}, ${idColumn}) < (${value}, ${id})` : sql`(${key.column}, ${idColumn}) > (${value}, ${id})`;
  }
  const orderBy = descending ? [desc(key.column), desc(idColumn)] : [asc(key.column), asc(idColumn)];
  if (key.changeOrder && !descending) after = and(after, await settledChanges(key.column));

  /** The page (at most `limit` rows of the `limit + 1` fetched) and the cursor after it. */
  function page<R>(records: R[], limit: number, rowOf: (record: R) => Row & { id: string }) {
    const rows = records.slice(0, limit);
    const last = rows.at(-1);
    const next_cursor =
      records.length > limit && last ? encodeCursor({ value: key.value(rowOf(last)), id: rowOf(last).id }, binding) : null;
    return { rows, next_cursor };
  }
  return { after, orderBy, page };
}

import { getTableColumns, sql, type SQLWrapper, type Table } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { getDb, reserveDb, type Queryable } from '@/lib/db/client';
import { getEnv } from '@/lib/env';

/** Rows per FETCH, and per chunk of the export's body. */
export const EXPORT_BATCH = 1000;

let exportsStarted = 0;

/**
 * The rows of an export in the order `query` selects them, `EXPORT_BATCH` at a time, each batch
 * turned into its records by `load` (given the rows as FETCH returns them: column names, driver
 * values). `query` (with the list's WHERE and ORDER BY) runs once as a server-side cursor, instead
 * of once per page, and the next batch is fetched only when the consumer asks for it, so memory
 * stays bounded whatever the size.
 *  - On a pool of several connections the cursor lives in a REPEATABLE READ READ ONLY transaction
 *    on a connection of its own: every batch and every `load` sees one snapshot, and each FETCH is
 *    bounded by statement_timeout. A consumer that stops reading for longer than the
 *    idle-in-transaction timeout loses its export (the body ends early) rather than holding a
 *    connection and a snapshot open.
 *  - On a pool of one (the embedded database, one session for the whole app) an open transaction
 *    would stop every other request, so the cursor is WITH HOLD (its rows are materialized when
 *    it is declared) and batches are fetched and loaded between other queries on that session.
 */
export async function* exportBatches<Fetched extends Record<string, unknown>, R>(
  query: SQLWrapper,
  load: (db: Queryable, rows: Fetched[]) => Promise<R[]>,
): AsyncGenerator<R[]> {
  const name = sql.raw(`export_${process.pid}_${++exportsStarted}`);
  const shared = getEnv().DATABASE_POOL_MAX === 1;
  const { db, release } = shared ? { db: getDb(), release: () => {} } : await reserveDb();
  let open = false;
  try {
    if (shared) {
      await db.execute(sql`declare ${name} no scroll cursor with hold for ${query}`);
    } else {
      await db.execute(sql`begin isolation level repeatable read read only`);
      await db.execute(sql`declare ${name} no scroll cursor for ${query}`);
    }
    open = true;
    for (;;) {
      const rows = await db.execute<Fetched>(sql`fetch ${sql.raw(String(EXPORT_BATCH))} from ${name}`);
      if (rows.length) yield await load(db, [...rows] as Fetched[]);
      if (rows.length < EXPORT_BATCH) break;
    }
  } finally {
    // Also when the consumer went away or a statement failed: the cursor and snapshot end here.
    if (open || !shared) await db.execute(shared ? sql`close ${name}` : sql`rollback`).catch(() => {});
    release();
  }
}

/** `records` in the order of `ids`: a lookup by id returns them in any order. */
export function inOrder<R>(records: R[], ids: string[], idOf: (record: R) => string): R[] {
  const byId = new Map(records.map((record) => [idOf(record), record]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Reads rows of `table` as FETCH returns them (`select *` of the table: snake_case names, driver
 * values) into what drizzle's own select returns: property names, each value through its column's
 * mapping (e.g. timestamps into Dates).
 */
export function tableRowReader<T extends Table>(table: T): (fetched: Record<string, unknown>) => T['$inferSelect'] {
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({
    key,
    name: column.keyAsName ? toSnakeCase(column.name) : column.name,
    column,
  }));
  return (fetched) => {
    const row: Record<string, unknown> = {};
    for (const { key, name, column } of columns) {
      const value = fetched[name];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return row as T['$inferSelect'];
  };
}

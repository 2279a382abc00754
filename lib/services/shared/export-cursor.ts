import { getTableColumns, sql, type SQLWrapper, type Table } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import { getDb, reserveDb, type Queryable } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';

/** Rows per FETCH, and per chunk of the export's body. */
export const EXPORT_BATCH = 1000;

// Shared by both copies of this module (the API dispatcher's and Next's bundle): one budget per process.
const state = ((globalThis as typeof globalThis & { __clmExports?: { started: number; running: number } }).__clmExports ??= {
  started: 0,
  running: 0,
});

/**
 * The rows of an export in the order `query` selects them, `EXPORT_BATCH` at a time, each batch
 * turned into its records by `load` (given the rows as FETCH returns them: column names, driver
 * values). `query` (with the list's WHERE and ORDER BY) runs once as a server-side cursor, instead
 * of once per page, and the next batch is fetched only when the consumer asks for it, so memory
 * stays bounded whatever the size.
 *  - On a pool of several connections the cursor lives in a REPEATABLE READ READ ONLY transaction
 *    on a connection of its own: every batch and every `load` sees one snapshot, and each FETCH is
 *    bounded by statement_timeout. At most half the pool runs exports at once (more: 503), so
 *    slow downloads cannot take every connection.
 *  - On a pool of one (the embedded database, one session for the whole app) an open transaction
 *    would stop every other request, so the cursor is WITH HOLD (its rows are materialized when
 *    it is declared, within statement_timeout) and batches are fetched and loaded between other
 *    queries on that session, each batch at the moment it is read.
 * A consumer that reads nothing for half the idle-in-transaction timeout (30 s when that is off)
 * loses its export (the body ends early): the export ends it here, before Postgres would end the
 * session under a connection the pool may already have given to someone else.
 */
export async function* exportBatches<Fetched extends Record<string, unknown>, R>(
  query: SQLWrapper,
  load: (db: Queryable, rows: Fetched[]) => Promise<R[]>,
): AsyncGenerator<R[]> {
  const env = getEnv();
  const shared = env.DATABASE_POOL_MAX === 1;
  if (!shared && state.running >= Math.max(1, Math.floor(env.DATABASE_POOL_MAX / 2))) {
    throw new AppError('service_unavailable', 'Too many exports are running; try again in a few seconds.', { retryAfter: 5 });
  }
  const idleLimitMs = env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS > 0 ? env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS / 2 : 30_000;
  const name = sql.raw(`export_${process.pid}_${++state.started}`);
  state.running++;
  let connection: Awaited<ReturnType<typeof reserveDb>> | undefined;
  let declared = false;
  let ended: Promise<void> | undefined;
  // Ends the cursor (and the transaction) once, and gives the connection back.
  const end = () =>
    (ended ??= (async () => {
      state.running--;
      if (!connection) return;
      if (declared || !shared) await connection.db.execute(shared ? sql`close ${name}` : sql`rollback`).catch(() => {});
      connection.release();
    })());
  try {
    connection = shared ? { db: getDb(), release: () => {} } : await reserveDb();
    const { db } = connection;
    if (!shared) await db.execute(sql`begin isolation level repeatable read read only`);
    await db.execute(
      shared ? sql`declare ${name} no scroll cursor with hold for ${query}` : sql`declare ${name} no scroll cursor for ${query}`,
    );
    declared = true;
    for (;;) {
      const rows = await db.execute<Fetched>(sql`fetch ${sql.raw(String(EXPORT_BATCH))} from ${name}`);
      if (rows.length) {
        const batch = await load(db, [...rows] as Fetched[]);
        const idle = setTimeout(() => void end(), idleLimitMs).unref();
        yield batch;
        clearTimeout(idle);
        if (ended) throw new Error(`the export's consumer read nothing for ${idleLimitMs / 1000} s`);
      }
      if (rows.length < EXPORT_BATCH) break;
    }
  } finally {
    // Also when the consumer went away or a statement failed.
    await end();
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

import { sql, type SQLWrapper } from 'drizzle-orm';
import { getDb, reserveDb, type Queryable } from '@/lib/db/client';
import { getEnv } from '@/lib/env';

/** Rows per FETCH, and per chunk of the export's body. */
export const EXPORT_BATCH = 1000;

let exportsStarted = 0;

/**
 * The rows of an export in the order `ids` selects them, `EXPORT_BATCH` at a time, each batch
 * loaded by `load`. `ids` (a query of `id` alone, with the list's WHERE and ORDER BY) runs once as
 * a server-side cursor, instead of once per page, and the next batch is fetched only when the
 * consumer asks for it, so memory stays bounded whatever the size.
 *  - On a pool of several connections the cursor lives in a REPEATABLE READ READ ONLY transaction
 *    on a connection of its own: every batch and every `load` sees one snapshot, and each FETCH is
 *    bounded by statement_timeout. A consumer that stops reading for longer than the
 *    idle-in-transaction timeout loses its export (the body ends early) rather than holding a
 *    connection and a snapshot open.
 *  - On a pool of one (the embedded database, one session for the whole app) an open transaction
 *    would stop every other request, so the cursor is WITH HOLD (its ids are materialized when it
 *    is declared) and batches are fetched and loaded between other queries on that session.
 */
export async function* exportBatches<R>(ids: SQLWrapper, load: (db: Queryable, ids: string[]) => Promise<R[]>): AsyncGenerator<R[]> {
  const name = sql.raw(`export_${process.pid}_${++exportsStarted}`);
  const shared = getEnv().DATABASE_POOL_MAX === 1;
  const { db, release } = shared ? { db: getDb(), release: () => {} } : await reserveDb();
  let open = false;
  try {
    if (shared) {
      await db.execute(sql`declare ${name} no scroll cursor with hold for ${ids}`);
    } else {
      await db.execute(sql`begin isolation level repeatable read read only`);
      await db.execute(sql`declare ${name} no scroll cursor for ${ids}`);
    }
    open = true;
    for (;;) {
      const rows = await db.execute<{ id: string }>(sql`fetch ${sql.raw(String(EXPORT_BATCH))} from ${name}`);
      if (rows.length)
        yield await load(
          db,
          rows.map((row) => row.id),
        );
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

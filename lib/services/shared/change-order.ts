import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { getDb, type Tx } from '@/lib/db/client';
import { noteTransaction } from '@/lib/db/faults';
import { announceDeliveries, flushEvents, moveEvents } from './outbox';

/*
 * Incremental sync pages by updated_at and must never skip a row: a warehouse paging with
 * `date_from` + cursor has to see every change. A timestamp is taken before its transaction
 * commits, so a slow writer could commit a row *behind* a cursor a reader already passed. The fix
 * is a horizon that needs no waiting:
 *  - every write transaction holds a shared advisory lock from its first statement to commit, and
 *    stamps rows with clock_timestamp(), which is never earlier than the transaction's start;
 *  - a sync read first asks, in a statement of its own, when the oldest transaction now holding
 *    that lock began (pg_locks ⋈ pg_stat_activity), and returns only rows changed before that
 *    moment, or before the statement's own start when no writer is in flight.
 * A writer absent from the lock table either committed before the read's next statement (its rows
 * are visible there) or took the lock later and stamps later times. So rows before the horizon are
 * final and every later change lands after it. A long write transaction holds the horizon back (its
 * rows and later ones wait for the next page or sync) but never makes a reader wait.
 */
const CHANGE_ORDER_LOCK = 7_405_218_304;

/** The time of a change, for updated_at (and deleted_at / revoked_at) inside writeTransaction. */
export const changedAt = sql`clock_timestamp()`;

type OpenTransaction = { tx: Tx };
const openTransaction = new AsyncLocalStorage<OpenTransaction>();

/**
 * A transaction for a write of synced data: use it for every mutation. It tells the API's retry
 * (lib/db/faults.ts) whether it committed, failed before COMMIT (rolled back: safe to run again)
 * or failed at COMMIT (in doubt: never run again). Called inside another one (an import's batch of
 * rows) it is a savepoint: its work is undone alone when it throws. The webhook events the work
 * queued are written before COMMIT (shared/outbox.ts).
 */
export async function writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const outer = openTransaction.getStore();
  if (outer) {
    return outer.tx.transaction(async (tx) => {
      const value = await openTransaction.run({ tx }, () => work(tx));
      moveEvents(tx, outer.tx);
      return value;
    });
  }
  let committing = false;
  const open: OpenTransaction = { tx: undefined as unknown as Tx };
  let deliveries = 0;
  try {
    const result = await getDb().transaction(async (tx) => {
      open.tx = tx;
      await tx.execute(sql`select pg_advisory_xact_lock_shared(${CHANGE_ORDER_LOCK})`);
      const value = await openTransaction.run(open, () => work(tx));
      deliveries = await flushEvents(tx);
      committing = true;
      return value;
    });
    noteTransaction('committed');
    if (deliveries) announceDeliveries();
    return result;
  } catch (error) {
    noteTransaction(committing ? 'uncertain' : 'rolled-back', error);
    throw error;
  }
}

// pg_locks shows a bigint advisory key as its high and low 32 bits.
const LOCK_HIGH = Math.floor(CHANGE_ORDER_LOCK / 2 ** 32);
const LOCK_LOW = CHANGE_ORDER_LOCK % 2 ** 32;

async function changeHorizon(): Promise<string> {
  // statement_timestamp() is taken before the lock table is read, so a writer that takes the lock
  // after that read stamps a later time. Its own statement: the rows are read in a later snapshot.
  // Stamps are stored rounded to the millisecond (timestamp(3)), possibly below the time taken, so
  // the horizon is the bound rounded the same way (a cast to timestamptz(3)): rounding is monotone,
  // so a stamp taken at or after the bound is stored at or after the horizon.
  // A holder whose start Postgres does not show (another role without pg_read_all_stats, or
  // track_activities off) holds everything back rather than nothing; one shown idle has committed.
  const [row] = await getDb().execute<{ horizon: string }>(sql`
    select (least(
      statement_timestamp(),
      (select min(coalesce(a.xact_start, case when a.state = 'idle' then null else '-infinity'::timestamptz end))
        from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.database = (select oid from pg_database where datname = current_database())
          and l.classid = ${sql.raw(String(LOCK_HIGH))} and l.objid = ${sql.raw(String(LOCK_LOW))} and l.objsubid = 1)
    ))::timestamptz(3)::text as horizon`);
  return row!.horizon;
}

/** For lists in change order (ascending updated_at): only rows whose change is final. */
export async function settledChanges(changeColumn: AnyColumn | SQL): Promise<SQL> {
  return sql`${changeColumn} < ${await changeHorizon()}::timestamptz`;
}

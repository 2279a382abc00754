import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { getDb, type Tx } from '@/lib/db/client';
import { noteTransaction } from '@/lib/db/faults';

/*
 * Incremental sync pages by updated_at and must never skip a row: a warehouse paging with
 * `date_from` + cursor has to see every change. A timestamp is taken before its transaction
 * commits, so a slow writer could commit a row *behind* a cursor a reader already passed. The fix
 * is a barrier:
 *  - every write transaction holds a shared advisory lock from its first statement to commit, and
 *    stamps rows with clock_timestamp() (taken after the lock, unlike now());
 *  - a sync read first takes the lock exclusively for an instant — waiting for the writers in
 *    flight — reads the clock, and only returns rows changed before that moment.
 * Rows changed before the barrier are final; every later change gets a later timestamp.
 */
const CHANGE_ORDER_LOCK = 7_405_218_304;

/** The time of a change, for updated_at (and deleted_at / revoked_at) inside writeTransaction. */
export const changedAt = sql`clock_timestamp()`;

/**
 * A transaction for a write of synced data: use it for every mutation. It tells the API's retry
 * (lib/db/faults.ts) whether it committed, failed before COMMIT (rolled back: safe to run again)
 * or failed at COMMIT (in doubt: never run again).
 */
export async function writeTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  let committing = false;
  try {
    const result = await getDb().transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock_shared(${CHANGE_ORDER_LOCK})`);
      const value = await work(tx);
      committing = true;
      return value;
    });
    noteTransaction('committed');
    return result;
  } catch (error) {
    noteTransaction(committing ? 'uncertain' : 'rolled-back', error);
    throw error;
  }
}

async function syncBarrier(): Promise<string> {
  return getDb().transaction(async (tx) => {
    // The writers it waits for may each wait up to lock_timeout for a row: under the session's own
    // lock_timeout the barrier would give up (503) just as they do. Only statement_timeout bounds it.
    await tx.execute(sql`select set_config('lock_timeout', '0', true)`);
    await tx.execute(sql`select pg_advisory_xact_lock(${CHANGE_ORDER_LOCK})`);
    const [row] = await tx.execute<{ barrier: string }>(sql`select clock_timestamp()::text as barrier`);
    return row!.barrier;
  });
}

/** For lists in change order (ascending updated_at): only rows whose change is final. */
export async function settledChanges(changeColumn: AnyColumn | SQL): Promise<SQL> {
  return sql`${changeColumn} < ${await syncBarrier()}::timestamptz`;
}

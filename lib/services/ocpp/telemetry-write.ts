import { sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/lib/db/client';

/**
 * A write of station telemetry (statuses, heard times, the frame log), committed without waiting
 * for the WAL flush. Visible to every session at commit like any write; only a crash of Postgres
 * itself within a fraction of a second could lose it, and the station reports again when it
 * reconnects. At a thousand reports a second the flush per commit would be the bottleneck.
 */
export function telemetryWrite<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`set local synchronous_commit = off`);
    return work(tx);
  });
}

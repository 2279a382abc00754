import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { stationCommands } from '@/lib/db/schema';
import type { StationCommandStatus } from '@/lib/domain/vocabulary';

export type StationCommandOutcome = {
  status: Exclude<StationCommandStatus, 'QUEUED' | 'SENT'>;
  /** The station's answer, protocol-neutral; never a secret. */
  response: Record<string, unknown> | null;
  error: string | null;
};

/**
 * Stores the outcome of a SENT command. A command that is no longer SENT (failed meanwhile as lost
 * when its station reconnected) keeps the outcome it has; returns whether this one was stored.
 */
export async function completeStationCommand({ id, outcome }: { id: string; outcome: StationCommandOutcome }): Promise<boolean> {
  const rows = await getDb()
    .update(stationCommands)
    .set({ status: outcome.status, response: outcome.response, error: outcome.error, finishedAt: sql`clock_timestamp()` })
    .where(and(eq(stationCommands.id, id), eq(stationCommands.status, 'SENT')))
    .returning({ id: stationCommands.id });
  return rows.length > 0;
}

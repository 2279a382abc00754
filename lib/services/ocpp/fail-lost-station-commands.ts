import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { stationCommands } from '@/lib/db/schema';

/**
 * Called when a station connects: a command still SENT was sent over a connection that is gone
 * (another gateway's, or this one's old socket), so its answer will never come. FAILED frees the
 * station's one-call-in-flight slot. Returns how many.
 */
export async function failLostStationCommands({ stationId }: { stationId: string }): Promise<number> {
  const rows = await getDb()
    .update(stationCommands)
    .set({ status: 'FAILED', error: 'connection lost before the answer', finishedAt: sql`clock_timestamp()` })
    .where(and(eq(stationCommands.stationId, stationId), eq(stationCommands.status, 'SENT')))
    .returning({ id: stationCommands.id });
  return rows.length;
}

import { and, eq, lte, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { stationCommands } from '@/lib/db/schema';

/**
 * QUEUED commands whose `expires_at` has passed become TIMED_OUT, whichever station they are for
 * (a station nobody holds still has its stale commands closed). Returns how many.
 */
export async function expireStationCommands({ gatewayId }: { gatewayId: string }): Promise<number> {
  const rows = await getDb()
    .update(stationCommands)
    .set({
      status: 'TIMED_OUT',
      error: 'expired before it could be sent',
      finishedAt: sql`clock_timestamp()`,
      gatewayId,
    })
    .where(and(eq(stationCommands.status, 'QUEUED'), lte(stationCommands.expiresAt, sql`clock_timestamp()`)))
    .returning({ id: stationCommands.id });
  return rows.length;
}

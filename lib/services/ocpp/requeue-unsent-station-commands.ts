import { and, eq } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { stationCommands } from '@/lib/db/schema';

/**
 * A station's commands this gateway marked SENT but never sent: the database dropped the
 * connection after the claim committed and before its answer arrived, so the dispatcher never
 * learnt it had claimed them. Back to QUEUED (sent again in order); SENT would block the station's
 * queue until it reconnects. Only the station's own delivery loop calls this, while it has nothing
 * in flight. Returns how many.
 */
export async function requeueUnsentStationCommands({ gatewayId, stationId }: { gatewayId: string; stationId: string }): Promise<number> {
  const rows = await getDb()
    .update(stationCommands)
    .set({ status: 'QUEUED', sentAt: null })
    .where(and(eq(stationCommands.stationId, stationId), eq(stationCommands.status, 'SENT'), eq(stationCommands.gatewayId, gatewayId)))
    .returning({ id: stationCommands.id });
  return rows.length;
}

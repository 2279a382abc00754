import { and, eq } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { chargeStations, stationCommands } from '@/lib/db/schema';

/** The stations this gateway holds that have QUEUED commands (the poll's view of the queue). */
export async function listStationsWithQueuedCommands({ gatewayId }: { gatewayId: string }): Promise<string[]> {
  const rows = await getDb()
    .selectDistinct({ stationId: stationCommands.stationId })
    .from(stationCommands)
    .innerJoin(chargeStations, eq(chargeStations.id, stationCommands.stationId))
    .where(and(eq(stationCommands.status, 'QUEUED'), eq(chargeStations.gatewayId, gatewayId)));
  return rows.map((row) => row.stationId);
}

import { eq } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { chargeStations } from '@/lib/db/schema';

/** The station's desired configuration keys → values now; null when the station is gone. */
export async function loadDesiredConfiguration({ stationId }: { stationId: string }): Promise<Record<string, string> | null> {
  const [row] = await getDb()
    .select({ configuration: chargeStations.configuration })
    .from(chargeStations)
    .where(eq(chargeStations.id, stationId));
  return row?.configuration ?? null;
}

import { eq } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { chargeStations } from '@/lib/db/schema';

/** The last time anything was heard from the station (the gateway throttles how often it writes). */
export async function recordHeartbeat(args: { stationId: string; at: Date }): Promise<void> {
  await getDb().update(chargeStations).set({ lastHeartbeatAt: args.at }).where(eq(chargeStations.id, args.stationId));
}

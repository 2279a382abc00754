import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { ocppGateways } from '@/lib/db/schema';
import { releaseStations } from './station-offline';

/** A gateway that stops: every station it still holds is offline, and it leaves the registry. */
export async function unregisterGateway(gatewayId: string): Promise<void> {
  const db = getDb();
  await releaseStations(db, sql`gateway_id = ${gatewayId}`);
  await db.delete(ocppGateways).where(eq(ocppGateways.id, gatewayId));
}

import { eq } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { chargeStations } from '@/lib/db/schema';

/** The stations the database says `gatewayId` holds (the ownership check). */
export async function listHeldStations(gatewayId: string): Promise<Set<string>> {
  const rows = await getDb().select({ id: chargeStations.id }).from(chargeStations).where(eq(chargeStations.gatewayId, gatewayId));
  return new Set(rows.map((row) => row.id));
}

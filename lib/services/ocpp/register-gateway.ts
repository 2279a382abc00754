import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { ocppGateways } from '@/lib/db/schema';

/**
 * Registers a gateway process, and on every later call refreshes its `seen_at`. An upsert, so a
 * gateway that was swept as dead while paused registers again when it wakes.
 */
export async function registerGateway(gateway: { id: string; host: string; pid: number; port: number }): Promise<void> {
  await getDb()
    .insert(ocppGateways)
    .values(gateway)
    .onConflictDoUpdate({ target: ocppGateways.id, set: { seenAt: sql`now()`, port: gateway.port } });
}

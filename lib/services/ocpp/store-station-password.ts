import { eq } from 'drizzle-orm';
import { hashPassword } from '@/lib/auth/password';
import { getDb } from '@/lib/db/client';
import { chargeStations } from '@/lib/db/schema';

/**
 * Stores the argon2id hash of the AuthorizationKey a station has just accepted: from its next
 * connection on it must authenticate with it. The key itself is never stored.
 */
export async function storeStationPassword({ stationId, password }: { stationId: string; password: string }): Promise<void> {
  await getDb()
    .update(chargeStations)
    .set({ ocppPasswordHash: await hashPassword(password) })
    .where(eq(chargeStations.id, stationId));
}

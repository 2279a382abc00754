import { eq } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { chargeStations } from '@/lib/db/schema';

export async function recordDiagnosticsStatus(args: { stationId: string; status: string; at: Date }): Promise<void> {
  await getDb()
    .update(chargeStations)
    .set({ diagnosticsStatus: args.status, diagnosticsStatusAt: args.at })
    .where(eq(chargeStations.id, args.stationId));
}

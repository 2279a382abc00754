import { and, eq } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { stationTransactions } from '@/lib/db/schema';

/** A StopTransaction; false when the station has no such transaction. */
export async function stopStationTransaction(args: {
  stationId: string;
  transactionId: number;
  meterStopWh: number;
  reason: string | null;
  at: Date;
}): Promise<boolean> {
  const rows = await getDb()
    .update(stationTransactions)
    .set({ meterStop: args.meterStopWh, lastMeterWh: args.meterStopWh, stoppedAt: args.at, stopReason: args.reason })
    .where(and(eq(stationTransactions.id, args.transactionId), eq(stationTransactions.stationId, args.stationId)))
    .returning({ id: stationTransactions.id });
  return rows.length > 0;
}

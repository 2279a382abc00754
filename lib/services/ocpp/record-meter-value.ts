import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { stationTransactions } from '@/lib/db/schema';

/** The latest energy register reading of a running transaction. */
export async function recordMeterValue(args: { stationId: string; transactionId: number; meterWh: number }): Promise<void> {
  await getDb()
    .update(stationTransactions)
    .set({ lastMeterWh: args.meterWh })
    .where(
      and(
        eq(stationTransactions.id, args.transactionId),
        eq(stationTransactions.stationId, args.stationId),
        isNull(stationTransactions.stoppedAt),
      ),
    );
}

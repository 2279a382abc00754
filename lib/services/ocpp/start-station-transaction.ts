import { getDb } from '@/lib/db/client';
import { stationTransactions } from '@/lib/db/schema';

/** A StartTransaction: the row's id is the transactionId handed back to the station. */
export async function startStationTransaction(args: {
  stationId: string;
  connector: number;
  idTag: string;
  meterStartWh: number;
  at: Date;
}): Promise<number> {
  const [row] = await getDb()
    .insert(stationTransactions)
    .values({
      stationId: args.stationId,
      connectorNumber: args.connector,
      idTag: args.idTag,
      meterStart: args.meterStartWh,
      lastMeterWh: args.meterStartWh,
      startedAt: args.at,
    })
    .returning({ id: stationTransactions.id });
  return row!.id;
}

import type { AuthContext } from '@/lib/auth/context';
import { chargeStations } from '@/lib/db/schema';
import type { ChargeStation, ChargeStationExportQuery } from '@/lib/schemas/charge-station';
import { EXPORT_BATCH, exportBatches, tableRowReader } from '@/lib/services/shared/export-cursor';
import { listClauses } from '@/lib/services/shared/list-query';
import { getDb } from '@/lib/db/client';
import { stationList } from './list-charge-stations';
import { toChargeStations } from './station-record';

const readStation = tableRowReader(chargeStations);

/** Every station matching the list's filters, in its order, as batches (one cursor, see export-cursor.ts). */
export async function* exportChargeStations({
  ctx,
  query,
}: {
  ctx: AuthContext;
  query: ChargeStationExportQuery;
}): AsyncGenerator<ChargeStation[]> {
  const { format: _format, ...filters } = query;
  const { where, orderBy } = await listClauses(stationList(ctx, { ...filters, limit: EXPORT_BATCH }));
  const rows = getDb()
    .select()
    .from(chargeStations)
    .where(where)
    .orderBy(...orderBy);
  yield* exportBatches(rows, (db, batch) => toChargeStations(db, batch.map(readStation)));
}

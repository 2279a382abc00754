import { inArray } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { chargeStations } from '@/lib/db/schema';
import type { ChargeStation, ChargeStationExportQuery } from '@/lib/schemas/charge-station';
import { EXPORT_BATCH, exportBatches, inOrder } from '@/lib/services/shared/export-cursor';
import { listClauses } from '@/lib/services/shared/list-query';
import { getDb } from '@/lib/db/client';
import { stationList } from './list-charge-stations';
import { toChargeStations } from './station-record';

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
  const ids = getDb()
    .select({ id: chargeStations.id })
    .from(chargeStations)
    .where(where)
    .orderBy(...orderBy);
  yield* exportBatches(ids, async (db, batch) => {
    const rows = await db.select().from(chargeStations).where(inArray(chargeStations.id, batch));
    return toChargeStations(
      db,
      inOrder(rows, batch, (row) => row.id),
    );
  });
}

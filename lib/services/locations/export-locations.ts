import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { locations } from '@/lib/db/schema';
import type { Location, LocationExportQuery } from '@/lib/schemas/location';
import { EXPORT_BATCH, exportBatches, inOrder } from '@/lib/services/shared/export-cursor';
import { listClauses } from '@/lib/services/shared/list-query';
import { anyUuid } from '@/lib/services/shared/scope';
import { locationList } from './list-locations';
import { locationSelection, toLocation } from './location-record';

/** Every location matching the list's filters, in its order, as batches (one cursor, see export-cursor.ts). */
export async function* exportLocations({ ctx, query }: { ctx: AuthContext; query: LocationExportQuery }): AsyncGenerator<Location[]> {
  const { format: _format, ...filters } = query;
  const { where, orderBy } = await listClauses(locationList(ctx, { ...filters, limit: EXPORT_BATCH }));
  const ids = getDb()
    .select({ id: locations.id })
    .from(locations)
    .where(where)
    .orderBy(...orderBy);
  // Ids only: a location's record has computed fields (groups, counts) loaded per batch.
  yield* exportBatches(ids, async (db, fetched: { id: string }[]) => {
    const batch = fetched.map((row) => row.id);
    const records = await db.select(locationSelection).from(locations).where(anyUuid(locations.id, batch));
    return inOrder(records, batch, (record) => record.row.id).map(toLocation);
  });
}

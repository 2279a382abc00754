import type { AuthContext } from '@/lib/auth/context';
import type { ChargeStation, ChargeStationExportQuery } from '@/lib/schemas/charge-station';
import { listChargeStations } from './list-charge-stations';

const BATCH = 500;

/** Every station matching the filters, a page at a time so memory stays bounded. */
export async function* exportChargeStations({
  ctx,
  query,
}: {
  ctx: AuthContext;
  query: ChargeStationExportQuery;
}): AsyncGenerator<ChargeStation> {
  const { format: _format, ...filters } = query;
  let cursor: string | undefined;
  do {
    const page = await listChargeStations({ ctx, query: { ...filters, limit: BATCH, cursor } });
    yield* page.data;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
}

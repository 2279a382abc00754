import type { AuthContext } from '@/lib/auth/context';
import type { Location, LocationExportQuery } from '@/lib/schemas/location';
import { listLocations } from './list-locations';

const BATCH = 1000;

/** Every location matching the filters, fetched a page at a time so memory stays bounded. */
export async function* exportLocations({ ctx, query }: { ctx: AuthContext; query: LocationExportQuery }): AsyncGenerator<Location> {
  const { format: _format, ...filters } = query;
  let cursor: string | undefined;
  do {
    const page = await listLocations({ ctx, query: { ...filters, limit: BATCH, cursor } });
    yield* page.data;
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
}

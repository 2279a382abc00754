import type { AuthContext } from '@/lib/auth/context';
import { exportHref, loadListPage } from '@/lib/portal/list-page';
import { locationListQuerySchema } from '@/lib/schemas/location';
import { listLocations } from '@/lib/services/locations';

/** Columns of the locations table a user may hide, with their names in the chooser. */
export const LOCATION_COLUMNS = {
  address: 'Address',
  city: 'City',
  country: 'Country',
  stations_count: 'Stations',
  custom_groups: 'Groups',
  updated_at: 'Updated',
} as const;

/** The locations page's data, with the CSV export link of its filter. */
export async function loadLocationList(ctx: AuthContext, raw: Record<string, string | string[] | undefined>) {
  const result = await loadListPage(locationListQuerySchema, raw, { limit: '50' }, (q) => listLocations({ ctx, query: q }));
  return { ...result, exportHref: exportHref('/api/v2/locations/export', result.params) };
}

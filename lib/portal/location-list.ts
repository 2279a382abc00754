import type { AuthContext } from '@/lib/auth/context';
import { exportHref, loadListPage } from '@/lib/portal/list-page';
import { locationListQuerySchema } from '@/lib/schemas/location';
import { listLocations } from '@/lib/services/locations';
import { HIDDEN_COLUMNS_PARAM } from '@/lib/view/hidden-columns';

/** Columns of the locations table a user may hide (their names are the table's headers). */
export const LOCATION_COLUMNS = ['address', 'city', 'country', 'stations_count', 'custom_groups', 'updated_at'] as const;

/** The list's filters as the map's points route takes them: every location of the filter, not a page of it. */
function pointsHref(params: URLSearchParams): string {
  const filters = new URLSearchParams(params);
  for (const key of ['cursor', 'limit', 'sort', HIDDEN_COLUMNS_PARAM]) filters.delete(key);
  return `/locations/points?${filters}`;
}

/** The locations page's data, with the CSV export link and the map's points link of its filter. */
export async function loadLocationList(ctx: AuthContext, raw: Record<string, string | string[] | undefined>) {
  const result = await loadListPage(locationListQuerySchema, raw, { limit: '50' }, (q) => listLocations({ ctx, query: q }));
  return { ...result, exportHref: exportHref('/api/v2/locations/export', result.params), pointsHref: pointsHref(result.params) };
}

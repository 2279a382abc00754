import type { AuthContext } from '@/lib/auth/context';
import { loadListPage } from '@/lib/portal/list-page';
import { locationListQuerySchema } from '@/lib/schemas/location';
import { listLocations } from '@/lib/services/locations';

/** DataTable's `hide` parameter (a client module, so its constant is not importable on the server). */
export const HIDDEN_COLUMNS_PARAM = 'hide';

/** Columns of the locations table a user may hide, with their names in the chooser. */
export const LOCATION_COLUMNS = {
  address: 'Address',
  city: 'City',
  country: 'Country',
  stations_count: 'Stations',
  custom_groups: 'Groups',
  updated_at: 'Updated',
} as const;

/** `hide=city,country` → the known column ids in it (unknown ones are dropped). */
export function hiddenLocationColumns(value: string | null): string[] {
  if (!value) return [];
  return value.split(',').filter((id) => Object.hasOwn(LOCATION_COLUMNS, id));
}

/** The list's filters as the export endpoint takes them: no paging, no view settings, CSV. */
export function locationExportHref(params: URLSearchParams): string {
  const filters = new URLSearchParams(params);
  for (const key of ['cursor', 'limit', HIDDEN_COLUMNS_PARAM]) filters.delete(key);
  filters.set('format', 'csv');
  return `/api/v2/locations/export?${filters}`;
}

/**
 * The locations page's data. The URL's `hide` is a view setting of the table, not a filter: it
 * is kept out of the API's (strict) list query but stays in the page's links.
 */
export async function loadLocationList(ctx: AuthContext, raw: Record<string, string | string[] | undefined>) {
  const { [HIDDEN_COLUMNS_PARAM]: hide, ...filters } = raw;
  const result = await loadListPage(locationListQuerySchema, filters, { limit: '50' }, (q) => listLocations({ ctx, query: q }));
  const hidden = hiddenLocationColumns(typeof hide === 'string' ? hide : null);
  if (hidden.length) result.params.set(HIDDEN_COLUMNS_PARAM, hidden.join(','));
  return { ...result, hidden, exportHref: locationExportHref(result.params) };
}

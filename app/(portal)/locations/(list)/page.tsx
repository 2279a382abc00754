import type { Metadata } from 'next';
import Link from 'next/link';
import { Pager } from '@/components/data-table/pager';
import { sortLinks } from '@/components/data-table/sort-header';
import { LocationsTable } from '@/components/locations/locations-table';
import { LocationsMap } from '@/components/map/lazy-maps';
import { BasemapNote, MarkerList } from '@/components/map/map-notes';
import { can, unfocused } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { LOCATION_COLUMNS, loadLocationList } from '@/lib/portal/location-list';
import { mapTileUrl, tileAttribution, toMapMarker } from '@/lib/view/map';
import { tenantChoices } from '@/lib/portal/tenant-choices';

export const metadata: Metadata = { title: 'Locations' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const CONTROL = 'rounded border border-slate-300 px-3 py-1.5';

export default async function LocationsPage({ searchParams }: Props) {
  const ctx = await requirePageContext();
  const { query, page, notice, params, hidden, exportHref } = await loadLocationList(ctx, await searchParams);
  // With the tenant switcher set, the list is already that tenant's.
  const tenants = ctx.focusTenantId ? [] : await tenantChoices(ctx);
  const tileUrl = mapTileUrl();
  // The map shows the current page (at most `limit` rows), so it stays bounded.
  const markers = page.data.map(toMapMarker);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Locations</h1>
        {can(unfocused(ctx), 'location:write') && (
          <Link href="/locations/new" className="rounded bg-brand-700 px-3 py-1.5 text-white hover:bg-brand-600">
            New location
          </Link>
        )}
      </div>
      {/* A GET form: the filtered view is a URL that can be bookmarked and shared. */}
      <form className="flex flex-wrap items-end gap-2" role="search">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Search
          </label>
          <input id="q" name="q" defaultValue={query.q ?? ''} placeholder="Name, address, city, external id" className={CONTROL} />
        </div>
        <div>
          <label htmlFor="custom_group" className="block text-sm font-medium">
            Group
          </label>
          <input
            id="custom_group"
            name="custom_group"
            defaultValue={query.custom_group ?? ''}
            placeholder="Exact group name"
            className={CONTROL}
          />
        </div>
        {tenants.length > 0 && (
          <div>
            <label htmlFor="tenant" className="block text-sm font-medium">
              Customer
            </label>
            <select id="tenant" name="tenant" defaultValue={query.tenant ?? ''} className={CONTROL}>
              <option value="">All</option>
              {tenants.map((tenant) => (
                <option key={tenant.id} value={tenant.id}>
                  {tenant.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div>
          <label htmlFor="date_from" className="block text-sm font-medium">
            Updated from
          </label>
          <input id="date_from" name="date_from" type="date" defaultValue={params.get('date_from') ?? ''} className={CONTROL} />
        </div>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="hide" value={hidden.join(',')} disabled={hidden.length === 0} />
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">
          Apply
        </button>
      </form>
      {notice && <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">{notice}</p>}
      <div className="grid gap-3 lg:grid-cols-[2fr_1fr]">
        <div className="min-w-0 space-y-1">
          <LocationsMap
            markers={markers}
            tileUrl={tileUrl}
            attribution={tileAttribution(tileUrl)}
            label="Map of the locations on this page"
          />
          <BasemapNote tileUrl={tileUrl} />
        </div>
        <MarkerList markers={markers} label="On the map" />
      </div>
      <LocationsTable
        rows={page.data}
        sort={sortLinks(['name', 'updated_at'] as const, query.sort, params)}
        hiddenColumns={hidden}
        columnLabels={LOCATION_COLUMNS}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Pager params={params} nextCursor={page.next_cursor} />
        {/* Streamed by the API export with the same filters; the session cookie authenticates it. */}
        <a href={exportHref} className="text-sm text-brand-700 underline" download>
          Export these locations (CSV)
        </a>
      </div>
    </div>
  );
}

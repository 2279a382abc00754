import type { Metadata } from 'next';
import { FilterForm, FilterInput, FilterSelect } from '@/components/data-table/list-filters';
import { ListNotice } from '@/components/data-table/list-notice';
import { Pager } from '@/components/data-table/pager';
import { sortLinks } from '@/components/data-table/sort-header';
import { PageHeader } from '@/components/layout/page-header';
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

export default async function LocationsPage({ searchParams }: Props) {
  const ctx = await requirePageContext();
  const { query, page, notice, params, hidden, exportHref } = await loadLocationList(ctx, await searchParams);
  // With the tenant switcher set, the list is already that tenant's.
  const tenantOptions = ctx.focusTenantId ? [] : (await tenantChoices(ctx)).map((tenant) => ({ value: tenant.id, label: tenant.name }));
  const tileUrl = mapTileUrl();
  // The map shows the current page (at most `limit` rows), so it stays bounded.
  const markers = page.data.map(toMapMarker);
  return (
    <div className="space-y-4">
      <PageHeader
        title="Locations"
        action={can(unfocused(ctx), 'location:write') ? { href: '/locations/new', label: 'New location' } : undefined}
      />
      <FilterForm sort={query.sort} hidden={hidden} submitLabel="Apply">
        <FilterInput name="q" label="Search" defaultValue={query.q ?? ''} placeholder="Name, address, city, external id" />
        <FilterInput name="custom_group" label="Group" defaultValue={query.custom_group ?? ''} placeholder="Exact group name" />
        {tenantOptions.length > 0 && (
          <FilterSelect name="tenant" label="Customer" defaultValue={query.tenant ?? ''} anyLabel="All" options={tenantOptions} />
        )}
        <FilterInput name="date_from" label="Updated from" type="date" defaultValue={params.get('date_from') ?? ''} />
      </FilterForm>
      <ListNotice notice={notice} />
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

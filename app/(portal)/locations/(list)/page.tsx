import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FilterForm, FilterInput, FilterSelect } from '@/components/data-table/list-filters';
import { ListNotice } from '@/components/data-table/list-notice';
import { Pager } from '@/components/data-table/pager';
import { sortLinks } from '@/components/data-table/sort-header';
import { PageHeader } from '@/components/layout/page-header';
import { LocationsMapPanel } from '@/components/locations/locations-map-panel';
import { LocationsTable } from '@/components/locations/locations-table';
import { can, unfocused } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { loadLocationList } from '@/lib/portal/location-list';
import { mapTileUrl } from '@/lib/portal/map-tiles';
import { tenantChoices } from '@/lib/portal/tenant-choices';
import { tileAttribution, toMapPoint } from '@/lib/view/map';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Locations'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LocationsPage({ searchParams }: Props) {
  const ctx = await requirePageContext();
  const t = await getTranslations('Locations');
  const { query, page, notice, params, hidden, exportHref, pointsHref } = await loadLocationList(ctx, await searchParams);
  // With the tenant switcher set, the list is already that tenant's.
  const tenantOptions = ctx.focusTenantId ? [] : (await tenantChoices(ctx)).map((tenant) => ({ value: tenant.id, label: tenant.name }));
  const tileUrl = mapTileUrl();
  return (
    <div className="space-y-4">
      <PageHeader
        title={t('title')}
        action={can(unfocused(ctx), 'location:write') ? { href: '/locations/new', label: t('new') } : undefined}
      />
      <FilterForm sort={query.sort} hidden={hidden} submitLabel={t('apply')}>
        <FilterInput name="q" label={t('search')} defaultValue={query.q ?? ''} placeholder={t('searchPlaceholder')} />
        <FilterInput name="custom_group" label={t('group')} defaultValue={query.custom_group ?? ''} placeholder={t('groupPlaceholder')} />
        {tenantOptions.length > 0 && (
          <FilterSelect name="tenant" label={t('customer')} defaultValue={query.tenant ?? ''} anyLabel={t('all')} options={tenantOptions} />
        )}
        <FilterInput name="date_from" label={t('updatedFrom')} type="date" defaultValue={params.get('date_from') ?? ''} />
      </FilterForm>
      <ListNotice notice={notice} />
      <LocationsMapPanel
        initial={page.data.map(toMapPoint)}
        pointsHref={pointsHref}
        tileUrl={tileUrl}
        attribution={tileAttribution(tileUrl)}
      />
      <LocationsTable rows={page.data} sort={sortLinks(['name', 'updated_at'] as const, query.sort, params)} hiddenColumns={hidden} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Pager params={params} nextCursor={page.next_cursor} />
        {/* Streamed by the API export with the same filters; the session cookie authenticates it. */}
        <a href={exportHref} className="text-sm text-brand-700 underline" download>
          {t('export')}
        </a>
      </div>
    </div>
  );
}

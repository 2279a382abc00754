import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { FilterForm, FilterInput, FilterSelect } from '@/components/data-table/list-filters';
import { ListNotice } from '@/components/data-table/list-notice';
import { Pager } from '@/components/data-table/pager';
import { sortLinks } from '@/components/data-table/sort-header';
import { LiveRefresh } from '@/components/live/live-refresh';
import { HEARD_RECENTLY, HEARD_RECENTLY_PARAM, StatusChips } from '@/components/charge-stations/status-chips';
import { STATIONS_TABLE, StationsTable } from '@/components/charge-stations/stations-table';
import { LocationPicker } from '@/components/locations/location-picker';
import { locationPickerWords } from '@/components/locations/location-picker-words';
import { saveTableView } from '@/lib/actions/save-table-view';
import { requirePageContext } from '@/lib/auth/page-context';
import { CHARGER_TYPES } from '@/lib/domain/vocabulary';
import { exportHref, loadListPage } from '@/lib/portal/list-page';
import { bulkOperations, bulkTariffChoices, selectedLocationChoice } from '@/lib/portal/station-list';
import { BULK_MAX_IDS, chargeStationListQuerySchema } from '@/lib/schemas/charge-station';
import { listChargeStations } from '@/lib/services/charge-stations';
import { getTablePreferences } from '@/lib/services/portal-preferences';
import { SILENT_AFTER_MS } from '@/lib/view/stations';
import { bulkUpdateStations } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('StationList'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ChargeStationsPage({ searchParams }: Props) {
  const ctx = await requirePageContext();
  const [t, saved] = await Promise.all([getTranslations('StationList'), getTablePreferences({ ctx, table: STATIONS_TABLE })]);
  const now = Date.now();
  // "Heard recently" is relative to each load, so the address keeps the chip, not a timestamp.
  const { [HEARD_RECENTLY_PARAM]: heard, ...raw } = await searchParams;
  const heardRecently = heard === HEARD_RECENTLY;
  if (heardRecently) raw.heard_since = new Date(now - SILENT_AFTER_MS).toISOString();
  const { query, page, notice, params, hidden } = await loadListPage(
    chargeStationListQuerySchema,
    raw,
    { limit: String(saved.page_size ?? 50) },
    (q) => listChargeStations({ ctx, query: q }),
    saved.hidden_columns,
  );
  const exportParams = new URLSearchParams(params);
  if (heardRecently) {
    params.delete('heard_since');
    params.set(HEARD_RECENTLY_PARAM, HEARD_RECENTLY);
  }
  const operations = bulkOperations(ctx);
  const anyBulk = operations.availability || operations.tariff || operations.groups;
  const [selectedLocation, tariffs] = await Promise.all([
    selectedLocationChoice(ctx, query.location_id),
    operations.tariff ? bulkTariffChoices(ctx) : Promise.resolve([]),
  ]);
  const filters = [
    { name: 'charger_type', label: t('filters.chargerType'), options: CHARGER_TYPES.map((value) => ({ value, label: value })) },
    {
      name: 'unlinked',
      label: t('filters.linked'),
      options: [
        { value: 'true', label: t('unlinked') },
        { value: 'false', label: t('linked') },
      ],
    },
  ];
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <LiveRefresh />
      </div>
      <StatusChips params={params} />
      <FilterForm sort={query.sort} hidden={hidden} submitLabel={t('filters.apply')}>
        <FilterInput name="q" label={t('filters.search')} defaultValue={query.q ?? ''} placeholder={t('filters.searchPlaceholder')} />
        {filters.map((filter) => (
          <FilterSelect key={filter.name} {...filter} defaultValue={params.get(filter.name) ?? ''} anyLabel={t('filters.any')} />
        ))}
        <FilterInput
          name="custom_group"
          label={t('filters.group')}
          defaultValue={query.custom_group ?? ''}
          maxLength={64}
          className="w-36"
        />
        <LocationPicker
          name="location_id"
          label={t('filters.location')}
          selected={selectedLocation}
          emptyLabel={t('filters.anyLocation')}
          words={locationPickerWords(await getTranslations('LocationPicker'))}
        />
        {/* The chips' filters and the page size carry over when the form applies. */}
        {['status', 'availability', HEARD_RECENTLY_PARAM, 'limit'].map(
          (name) => params.has(name) && <input key={name} type="hidden" name={name} value={params.get(name)!} />,
        )}
      </FilterForm>
      <ListNotice notice={notice} />
      <StationsTable
        rows={page.data}
        now={now}
        sort={sortLinks(['name', 'ocpp_id', 'updated_at'] as const, query.sort, params)}
        view={{ hidden, density: saved.density ?? 'comfortable', pageSize: query.limit, save: saveTableView }}
        bulk={anyBulk ? { action: bulkUpdateStations, permissions: operations, tariffs, maxIds: BULK_MAX_IDS } : undefined}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Pager params={params} nextCursor={page.next_cursor} />
        {/* Streamed by the API export with the same filters; the session cookie authenticates it. */}
        <a href={exportHref('/api/v2/charge-stations/export', exportParams)} className="text-sm text-brand-700 underline" download>
          {t('export')}
        </a>
      </div>
    </div>
  );
}

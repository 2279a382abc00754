import type { Metadata } from 'next';
import { FilterForm, FilterInput, FilterSelect } from '@/components/data-table/list-filters';
import { ListNotice } from '@/components/data-table/list-notice';
import { Pager } from '@/components/data-table/pager';
import { sortLinks } from '@/components/data-table/sort-header';
import { LiveRefresh } from '@/components/live/live-refresh';
import { StationsTable } from '@/components/charge-stations/stations-table';
import { valueOptions } from '@/components/forms/options';
import { requirePageContext } from '@/lib/auth/page-context';
import { AVAILABILITIES, CHARGER_TYPES, EVSE_STATUSES } from '@/lib/domain/vocabulary';
import { exportHref, loadListPage } from '@/lib/portal/list-page';
import { bulkOperations, bulkTariffChoices, selectedLocationChoice } from '@/lib/portal/station-list';
import { LocationPicker } from '@/components/locations/location-picker';
import { BULK_MAX_IDS, chargeStationListQuerySchema } from '@/lib/schemas/charge-station';
import { listChargeStations } from '@/lib/services/charge-stations';
import { bulkUpdateStations } from './actions';

export const metadata: Metadata = { title: 'Charge stations' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS = [
  { name: 'status', label: 'Status', options: valueOptions(EVSE_STATUSES) },
  { name: 'availability', label: 'Availability', options: valueOptions(AVAILABILITIES) },
  { name: 'charger_type', label: 'Charger type', options: valueOptions(CHARGER_TYPES) },
  {
    name: 'unlinked',
    label: 'Linked',
    options: [
      { value: 'true', label: 'Unlinked' },
      { value: 'false', label: 'Linked' },
    ],
  },
];

export default async function ChargeStationsPage({ searchParams }: Props) {
  const ctx = await requirePageContext();
  const { query, page, notice, params, hidden } = await loadListPage(
    chargeStationListQuerySchema,
    await searchParams,
    { limit: '50' },
    (q) => listChargeStations({ ctx, query: q }),
  );
  const operations = bulkOperations(ctx);
  const anyBulk = operations.availability || operations.tariff || operations.groups;
  const [selectedLocation, tariffs] = await Promise.all([
    selectedLocationChoice(ctx, query.location_id),
    operations.tariff ? bulkTariffChoices(ctx) : Promise.resolve([]),
  ]);
  const current = (name: string) => params.get(name) ?? '';
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Charge stations</h1>
        <LiveRefresh />
      </div>
      <FilterForm sort={query.sort} hidden={hidden} submitLabel="Apply">
        <FilterInput name="q" label="Search" defaultValue={query.q ?? ''} placeholder="Name, OCPP id, serial, address" />
        {FILTERS.map((filter) => (
          <FilterSelect key={filter.name} {...filter} defaultValue={current(filter.name)} anyLabel="Any" />
        ))}
        <FilterInput name="custom_group" label="Group" defaultValue={query.custom_group ?? ''} maxLength={64} className="w-36" />
        <LocationPicker name="location_id" label="Location" selected={selectedLocation} emptyLabel="Any location" />
      </FilterForm>
      <ListNotice notice={notice} />
      <StationsTable
        rows={page.data}
        sort={sortLinks(['name', 'ocpp_id', 'updated_at'] as const, query.sort, params)}
        hiddenColumns={hidden}
        bulk={anyBulk ? { action: bulkUpdateStations, permissions: operations, tariffs, maxIds: BULK_MAX_IDS } : undefined}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Pager params={params} nextCursor={page.next_cursor} />
        {/* Streamed by the API export with the same filters; the session cookie authenticates it. */}
        <a href={exportHref('/api/v2/charge-stations/export', params)} className="text-sm text-brand-700 underline" download>
          Export these stations (CSV)
        </a>
      </div>
    </div>
  );
}

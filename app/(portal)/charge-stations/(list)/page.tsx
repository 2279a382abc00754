import type { Metadata } from 'next';
import { Pager } from '@/components/data-table/pager';
import { sortLinks } from '@/components/data-table/sort-header';
import { StationsTable } from '@/components/charge-stations/stations-table';
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
  { name: 'status', label: 'Status', options: EVSE_STATUSES },
  { name: 'availability', label: 'Availability', options: AVAILABILITIES },
  { name: 'charger_type', label: 'Charger type', options: CHARGER_TYPES },
  { name: 'unlinked', label: 'Linked', options: ['true', 'false'], labels: { true: 'Unlinked', false: 'Linked' } },
] as const;

const CONTROL = 'rounded border border-slate-300 px-2 py-1.5';

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
      <h1 className="text-2xl font-semibold">Charge stations</h1>
      {/* A GET form: the filtered view is a URL that can be bookmarked and shared. */}
      <form className="flex flex-wrap items-end gap-2" role="search">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Search
          </label>
          <input id="q" name="q" defaultValue={query.q ?? ''} placeholder="Name, OCPP id, serial, address" className={`${CONTROL} px-3`} />
        </div>
        {FILTERS.map((filter) => (
          <div key={filter.name}>
            <label htmlFor={filter.name} className="block text-sm font-medium">
              {filter.label}
            </label>
            <select id={filter.name} name={filter.name} defaultValue={current(filter.name)} className={CONTROL}>
              <option value="">Any</option>
              {filter.options.map((option) => (
                <option key={option} value={option}>
                  {'labels' in filter ? filter.labels[option as 'true' | 'false'] : option}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div>
          <label htmlFor="custom_group" className="block text-sm font-medium">
            Group
          </label>
          <input
            id="custom_group"
            name="custom_group"
            defaultValue={query.custom_group ?? ''}
            maxLength={64}
            className={`${CONTROL} w-36`}
          />
        </div>
        <LocationPicker name="location_id" label="Location" selected={selectedLocation} emptyLabel="Any location" />
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="hide" value={hidden.join(',')} disabled={hidden.length === 0} />
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">
          Apply
        </button>
      </form>
      {notice && <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">{notice}</p>}
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

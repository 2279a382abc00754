import { FilterInput, FilterSelect } from '@/components/data-table/list-filters';
import { valueOptions } from '@/components/forms/options';
import { AUDIT_ENTITIES } from '@/lib/domain/vocabulary';

const ENTITIES = valueOptions(AUDIT_ENTITIES);
const ORDER_OPTIONS = [
  { value: '-at', label: 'Newest first' },
  { value: 'at', label: 'Oldest first' },
];

/** The audit filters as a GET form: a filtered view is a URL (and a new filter starts at page one). */
export function AuditFilters({ params, tenants }: { params: URLSearchParams; tenants: Record<string, string> }) {
  const value = (key: string) => params.get(key) ?? '';
  const tenantList = Object.entries(tenants).map(([id, name]) => ({ value: id, label: name }));
  return (
    <form
      role="search"
      aria-label="Filter audit events"
      className="grid grid-cols-1 gap-2 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      <FilterSelect fill id="f-entity" name="entity" label="Entity" defaultValue={value('entity')} anyLabel="Any" options={ENTITIES} />
      <FilterInput fill id="f-entity-id" name="entity_id" label="Entity id" defaultValue={value('entity_id')} />
      <FilterInput fill id="f-action" name="action" label="Action" defaultValue={value('action')} placeholder="e.g. location.updated" />
      <FilterInput fill id="f-actor" name="actor" label="Actor" defaultValue={value('actor')} placeholder="user:<uuid> or api_key:<uuid>" />
      {tenantList.length > 1 && (
        <FilterSelect fill id="f-tenant" name="tenant" label="Tenant" defaultValue={value('tenant')} anyLabel="Any" options={tenantList} />
      )}
      <FilterInput fill id="f-from" name="date_from" label="From (date)" type="date" defaultValue={value('date_from').slice(0, 10)} />
      <FilterInput fill id="f-to" name="date_to" label="Before (date)" type="date" defaultValue={value('date_to').slice(0, 10)} />
      <FilterSelect fill id="f-sort" name="sort" label="Order" defaultValue={value('sort') || '-at'} options={ORDER_OPTIONS} />
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">
          Filter
        </button>
        <a href="/audit" className="px-2 py-1.5 text-sm text-brand-700 underline">
          Clear
        </a>
      </div>
    </form>
  );
}

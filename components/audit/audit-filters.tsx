import { AUDIT_ENTITIES } from '@/lib/domain/vocabulary';

const INPUT = 'w-full rounded border border-slate-300 px-3 py-1.5';

function Field({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
    </div>
  );
}

/** The audit filters as a GET form: a filtered view is a URL (and a new filter starts at page one). */
export function AuditFilters({ params, tenants }: { params: URLSearchParams; tenants: Record<string, string> }) {
  const value = (key: string) => params.get(key) ?? '';
  const tenantOptions = Object.entries(tenants);
  return (
    <form
      role="search"
      aria-label="Filter audit events"
      className="grid grid-cols-1 gap-2 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      <Field id="f-entity" label="Entity">
        <select id="f-entity" name="entity" defaultValue={value('entity')} className={INPUT}>
          <option value="">Any</option>
          {AUDIT_ENTITIES.map((entity) => (
            <option key={entity} value={entity}>
              {entity}
            </option>
          ))}
        </select>
      </Field>
      <Field id="f-entity-id" label="Entity id">
        <input id="f-entity-id" name="entity_id" defaultValue={value('entity_id')} className={INPUT} />
      </Field>
      <Field id="f-action" label="Action">
        <input id="f-action" name="action" defaultValue={value('action')} placeholder="e.g. location.updated" className={INPUT} />
      </Field>
      <Field id="f-actor" label="Actor">
        <input id="f-actor" name="actor" defaultValue={value('actor')} placeholder="user:<uuid> or api_key:<uuid>" className={INPUT} />
      </Field>
      {tenantOptions.length > 1 && (
        <Field id="f-tenant" label="Tenant">
          <select id="f-tenant" name="tenant" defaultValue={value('tenant')} className={INPUT}>
            <option value="">Any</option>
            {tenantOptions.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Field id="f-from" label="From (date)">
        <input id="f-from" name="date_from" type="date" defaultValue={value('date_from').slice(0, 10)} className={INPUT} />
      </Field>
      <Field id="f-to" label="Before (date)">
        <input id="f-to" name="date_to" type="date" defaultValue={value('date_to').slice(0, 10)} className={INPUT} />
      </Field>
      <Field id="f-sort" label="Order">
        <select id="f-sort" name="sort" defaultValue={value('sort') || '-at'} className={INPUT}>
          <option value="-at">Newest first</option>
          <option value="at">Oldest first</option>
        </select>
      </Field>
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

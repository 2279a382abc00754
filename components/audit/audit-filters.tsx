import { useTranslations } from 'next-intl';
import { FilterInput, FilterSelect } from '@/components/data-table/list-filters';
import { AUDIT_ENTITIES } from '@/lib/domain/vocabulary';

/** The audit filters as a GET form: a filtered view is a URL (and a new filter starts at page one). */
export function AuditFilters({ params, tenants }: { params: URLSearchParams; tenants: Record<string, string> }) {
  const t = useTranslations('Audit');
  const entities = AUDIT_ENTITIES.map((entity) => ({ value: entity, label: t(`entities.${entity}`) }));
  const orderOptions = [
    { value: '-at', label: t('newestFirst') },
    { value: 'at', label: t('oldestFirst') },
  ];
  const value = (key: string) => params.get(key) ?? '';
  const tenantList = Object.entries(tenants).map(([id, name]) => ({ value: id, label: name }));
  return (
    <form
      role="search"
      aria-label={t('filterLabel')}
      className="grid grid-cols-1 gap-2 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-4"
    >
      <FilterSelect
        fill
        id="f-entity"
        name="entity"
        label={t('entity')}
        defaultValue={value('entity')}
        anyLabel={t('any')}
        options={entities}
      />
      <FilterInput fill id="f-entity-id" name="entity_id" label={t('entityId')} defaultValue={value('entity_id')} />
      <FilterInput
        fill
        id="f-action"
        name="action"
        label={t('action')}
        defaultValue={value('action')}
        placeholder={t('actionPlaceholder')}
      />
      <FilterInput fill id="f-actor" name="actor" label={t('actor')} defaultValue={value('actor')} placeholder={t('actorPlaceholder')} />
      {tenantList.length > 1 && (
        <FilterSelect
          fill
          id="f-tenant"
          name="tenant"
          label={t('tenant')}
          defaultValue={value('tenant')}
          anyLabel={t('any')}
          options={tenantList}
        />
      )}
      <FilterInput fill id="f-from" name="date_from" label={t('from')} type="date" defaultValue={value('date_from').slice(0, 10)} />
      <FilterInput fill id="f-to" name="date_to" label={t('before')} type="date" defaultValue={value('date_to').slice(0, 10)} />
      <FilterSelect fill id="f-sort" name="sort" label={t('order')} defaultValue={value('sort') || '-at'} options={orderOptions} />
      <div className="flex items-end gap-2">
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">
          {t('filter')}
        </button>
        <a href="/audit" className="px-2 py-1.5 text-sm text-brand-700 underline">
          {t('clear')}
        </a>
      </div>
    </form>
  );
}

import { useTranslations } from 'next-intl';
import { FilterForm, FilterInput } from './list-filters';

/** The search box of a catalog list (tenants, tariffs, hardware templates); state stays in the URL. */
export function CatalogSearch({ q, sort, label }: { q?: string; sort: string; label?: string }) {
  const t = useTranslations('Common');
  return (
    <FilterForm sort={sort} submitLabel={t('search')}>
      <FilterInput name="q" label={label ?? t('search')} type="search" defaultValue={q ?? ''} />
    </FilterForm>
  );
}

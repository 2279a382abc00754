import { FilterForm, FilterInput } from './list-filters';

/** The search box of a catalog list (tenants, tariffs, hardware templates); state stays in the URL. */
export function CatalogSearch({ q, sort, label = 'Search' }: { q?: string; sort: string; label?: string }) {
  return (
    <FilterForm sort={sort} submitLabel="Search">
      <FilterInput name="q" label={label} type="search" defaultValue={q ?? ''} />
    </FilterForm>
  );
}

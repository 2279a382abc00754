/** The search box of a catalog list (tenants, tariffs, hardware templates); state stays in the URL. */
export function CatalogSearch({ q, sort, label = 'Search' }: { q?: string; sort: string; label?: string }) {
  return (
    <form className="flex flex-wrap items-end gap-2" role="search">
      <div>
        <label htmlFor="q" className="block text-sm font-medium">
          {label}
        </label>
        <input id="q" name="q" type="search" defaultValue={q ?? ''} className="rounded border border-slate-300 px-3 py-1.5" />
      </div>
      <input type="hidden" name="sort" value={sort} />
      <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">
        Search
      </button>
    </form>
  );
}

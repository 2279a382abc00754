import type { Metadata } from 'next';
import { Pager } from '@/components/data-table/pager';
import { sortLinks } from '@/components/data-table/sort-header';
import { LocationsTable } from '@/components/locations/locations-table';
import { requirePageContext } from '@/lib/auth/page-context';
import { loadListPage } from '@/lib/portal/list-page';
import { locationListQuerySchema } from '@/lib/schemas/location';
import { listLocations } from '@/lib/services/locations';

export const metadata: Metadata = { title: 'Locations' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LocationsPage({ searchParams }: Props) {
  const ctx = await requirePageContext();
  const { query, page, notice, params } = await loadListPage(locationListQuerySchema, await searchParams, { limit: '50' }, (q) =>
    listLocations({ ctx, query: q }),
  );
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Locations</h1>
      <form className="flex flex-wrap items-end gap-2" role="search">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Search
          </label>
          <input id="q" name="q" defaultValue={query.q ?? ''} className="rounded border border-slate-300 px-3 py-1.5" />
        </div>
        <input type="hidden" name="sort" value={query.sort} />
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">
          Search
        </button>
      </form>
      {notice && <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">{notice}</p>}
      <LocationsTable rows={page.data} sort={sortLinks(['name', 'updated_at'] as const, query.sort, params)} />
      <Pager params={params} nextCursor={page.next_cursor} />
    </div>
  );
}

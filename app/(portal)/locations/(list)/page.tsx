import type { Metadata } from 'next';
import Link from 'next/link';
import { sortLinks } from '@/components/data-table/sort-header';
import { LocationsTable } from '@/components/locations/locations-table';
import { requirePageContext } from '@/lib/auth/page-context';
import { AppError } from '@/lib/errors';
import { toSearchParams } from '@/lib/http/search-params';
import { locationListQuerySchema } from '@/lib/schemas/location';
import { listLocations } from '@/lib/services/locations';

export const metadata: Metadata = { title: 'Locations' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LocationsPage({ searchParams }: Props) {
  const ctx = await requirePageContext();
  const params = toSearchParams(await searchParams);
  // The same query schema as GET /api/v2/locations; a bad URL shows the default view and says so.
  const parsed = locationListQuerySchema.safeParse({ limit: '50', ...Object.fromEntries(params) });
  const query = parsed.success ? parsed.data : locationListQuerySchema.parse({ limit: '50' });
  let page;
  let notice = parsed.success ? undefined : 'Some filters in the address were not valid and were ignored.';
  try {
    page = await listLocations({ ctx, query });
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'bad_request') throw error;
    notice = 'That page link has expired; showing the first page.';
    page = await listLocations({ ctx, query: { ...query, cursor: undefined } });
  }
  const next = new URLSearchParams(params);
  if (page.next_cursor) next.set('cursor', page.next_cursor);
  const first = new URLSearchParams(params);
  first.delete('cursor');

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
      <nav aria-label="Pages" className="flex gap-3 text-sm">
        {params.has('cursor') && (
          <Link href={`?${first}`} className="text-brand-700 underline">
            First page
          </Link>
        )}
        {page.next_cursor && (
          <Link href={`?${next}`} className="text-brand-700 underline">
            Next page
          </Link>
        )}
      </nav>
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { KeysTable } from '@/components/api-keys/keys-table';
import { Pager } from '@/components/data-table/pager';
import { sortLinks } from '@/components/data-table/sort-header';
import { requirePagePermission } from '@/lib/auth/page-context';
import { withStatus } from '@/lib/view/api-keys';
import { tenantNames } from '@/lib/portal/tenant-choices';
import { loadListPage } from '@/lib/portal/list-page';
import { apiKeyListQuerySchema } from '@/lib/schemas/api-key';
import { listApiKeys } from '@/lib/services/api-keys';
import { revokeKey } from '../actions';

export const metadata: Metadata = { title: 'API keys' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ApiKeysPage({ searchParams }: Props) {
  const ctx = await requirePagePermission('apikey:manage');
  const [{ query, page, notice, params }, tenants] = await Promise.all([
    loadListPage(apiKeyListQuerySchema, await searchParams, { limit: '50', sort: '-created_at' }, (q) => listApiKeys({ ctx, query: q })),
    tenantNames(ctx),
  ]);
  const revoked = query.revoked === undefined ? '' : String(query.revoked);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">API keys</h1>
        <Link href="/api-keys/new" className="rounded bg-brand-700 px-3 py-1.5 text-white hover:bg-brand-600">
          Create API key
        </Link>
      </div>
      <form className="flex flex-wrap items-end gap-2" role="search">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Search name or prefix
          </label>
          <input id="q" name="q" defaultValue={query.q ?? ''} className="rounded border border-slate-300 px-3 py-1.5" />
        </div>
        <div>
          <label htmlFor="revoked" className="block text-sm font-medium">
            Show
          </label>
          <select id="revoked" name="revoked" defaultValue={revoked} className="rounded border border-slate-300 px-3 py-1.5">
            <option value="">All keys</option>
            <option value="false">Not revoked</option>
            <option value="true">Revoked</option>
          </select>
        </div>
        <input type="hidden" name="sort" value={query.sort} />
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">
          Filter
        </button>
      </form>
      {notice && <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">{notice}</p>}
      <KeysTable
        rows={withStatus(page.data)}
        tenants={tenants}
        sort={sortLinks(['name', 'created_at'] as const, query.sort, params)}
        revoke={revokeKey}
      />
      <Pager params={params} nextCursor={page.next_cursor} />
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { Pager } from '@/components/data-table/pager';
import { sortLinks } from '@/components/data-table/sort-header';
import { UsersTable } from '@/components/users/users-table';
import { requirePagePermission } from '@/lib/auth/page-context';
import { tenantNames } from '@/lib/portal/tenant-choices';
import { loadListPage } from '@/lib/portal/list-page';
import { userListQuerySchema } from '@/lib/schemas/user';
import { listUsers } from '@/lib/services/users';

export const metadata: Metadata = { title: 'Users' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const ctx = await requirePagePermission('user:manage');
  const [{ query, page, notice, params }, tenants] = await Promise.all([
    loadListPage(userListQuerySchema, await searchParams, { limit: '50', sort: 'name' }, (q) => listUsers({ ctx, query: q })),
    tenantNames(ctx),
  ]);
  const tenantOptions = Object.entries(tenants);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">Users and roles</h1>
        <Link href="/users/new" className="rounded bg-brand-700 px-3 py-1.5 text-white hover:bg-brand-600">
          Invite user
        </Link>
      </div>
      <form className="flex flex-wrap items-end gap-2" role="search">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Search name or e-mail
          </label>
          <input id="q" name="q" defaultValue={query.q ?? ''} className="rounded border border-slate-300 px-3 py-1.5" />
        </div>
        {tenantOptions.length > 1 && (
          <div>
            <label htmlFor="tenant" className="block text-sm font-medium">
              Tenant
            </label>
            <select
              id="tenant"
              name="tenant"
              defaultValue={query.tenant ?? ''}
              className="max-w-full rounded border border-slate-300 px-3 py-1.5"
            >
              <option value="">Any</option>
              {tenantOptions.map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
            </select>
          </div>
        )}
        <input type="hidden" name="sort" value={query.sort} />
        <button type="submit" className="rounded bg-brand-700 px-3 py-1.5 text-white">
          Search
        </button>
      </form>
      {notice && <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">{notice}</p>}
      <UsersTable rows={page.data} tenants={tenants} sort={sortLinks(['name', 'email', 'updated_at'] as const, query.sort, params)} />
      <Pager params={params} nextCursor={page.next_cursor} />
    </div>
  );
}

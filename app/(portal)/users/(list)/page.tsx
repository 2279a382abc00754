import type { Metadata } from 'next';
import { FilterForm, FilterInput, FilterSelect } from '@/components/data-table/list-filters';
import { ListNotice } from '@/components/data-table/list-notice';
import { Pager } from '@/components/data-table/pager';
import { sortLinks } from '@/components/data-table/sort-header';
import { PageHeader } from '@/components/layout/page-header';
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
  const tenantOptions = Object.entries(tenants).map(([value, label]) => ({ value, label }));
  return (
    <div className="space-y-4">
      <PageHeader title="Users and roles" action={{ href: '/users/new', label: 'Invite user' }} />
      <FilterForm sort={query.sort} submitLabel="Search">
        <FilterInput name="q" label="Search name or e-mail" defaultValue={query.q ?? ''} />
        {tenantOptions.length > 1 && (
          <FilterSelect name="tenant" label="Tenant" defaultValue={query.tenant ?? ''} anyLabel="Any" options={tenantOptions} />
        )}
      </FilterForm>
      <ListNotice notice={notice} />
      <UsersTable rows={page.data} tenants={tenants} sort={sortLinks(['name', 'email', 'updated_at'] as const, query.sort, params)} />
      <Pager params={params} nextCursor={page.next_cursor} />
    </div>
  );
}

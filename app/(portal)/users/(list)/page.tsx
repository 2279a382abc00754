import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Users');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const ctx = await requirePagePermission('user:manage');
  const [{ query, page, notice, params }, tenants] = await Promise.all([
    loadListPage(userListQuerySchema, await searchParams, { limit: '50', sort: 'name' }, (q) => listUsers({ ctx, query: q })),
    tenantNames(ctx),
  ]);
  const t = await getTranslations('Users');
  const tCommon = await getTranslations('Common');
  const tenantOptions = Object.entries(tenants).map(([value, label]) => ({ value, label }));
  return (
    <div className="space-y-4">
      <PageHeader title={t('heading')} action={{ href: '/users/new', label: t('invite') }} />
      <FilterForm sort={query.sort} submitLabel={tCommon('search')}>
        <FilterInput name="q" label={t('searchLabel')} defaultValue={query.q ?? ''} />
        {tenantOptions.length > 1 && (
          <FilterSelect name="tenant" label={t('tenant')} defaultValue={query.tenant ?? ''} anyLabel={t('any')} options={tenantOptions} />
        )}
      </FilterForm>
      <ListNotice notice={notice} />
      <UsersTable rows={page.data} tenants={tenants} sort={sortLinks(['name', 'email', 'updated_at'] as const, query.sort, params)} />
      <Pager params={params} nextCursor={page.next_cursor} />
    </div>
  );
}

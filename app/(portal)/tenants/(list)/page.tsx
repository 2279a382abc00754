import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ListNotice } from '@/components/data-table/list-notice';
import { Pager } from '@/components/data-table/pager';
import { sortLinks } from '@/components/data-table/sort-header';
import { CatalogSearch } from '@/components/data-table/catalog-search';
import { TenantForm } from '@/components/tenants/tenant-form';
import { TenantsTable } from '@/components/tenants/tenants-table';
import { canCpoWide } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { loadListPage } from '@/lib/portal/list-page';
import { tenantListQuerySchema } from '@/lib/schemas/tenant';
import { listTenants } from '@/lib/services/tenants';
import { createTenantAction } from '../actions';
import { Panel } from '@/components/layout/panel';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Tenants');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TenantsPage({ searchParams }: Props) {
  const ctx = await requirePageContext();
  const { query, page, notice, params } = await loadListPage(
    tenantListQuerySchema,
    await searchParams,
    { limit: '50', sort: 'name' },
    (q) => listTenants({ ctx, query: q }),
  );
  const t = await getTranslations('Tenants');
  const mayManage = canCpoWide(ctx, 'tenant:manage');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <CatalogSearch q={query.q} sort={query.sort} />
      <ListNotice notice={notice} />
      <TenantsTable rows={page.data} sort={sortLinks(['name', 'updated_at'] as const, query.sort, params)} />
      <Pager params={params} nextCursor={page.next_cursor} />
      {mayManage && (
        <Panel id="new-tenant" title={t('new')}>
          <TenantForm action={createTenantAction} />
        </Panel>
      )}
    </div>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { KeysTable } from '@/components/api-keys/keys-table';
import { FilterForm, FilterInput, FilterSelect } from '@/components/data-table/list-filters';
import { ListNotice } from '@/components/data-table/list-notice';
import { Pager } from '@/components/data-table/pager';
import { sortLinks } from '@/components/data-table/sort-header';
import { PageHeader } from '@/components/layout/page-header';
import { requirePagePermission } from '@/lib/auth/page-context';
import { withStatus } from '@/lib/view/api-keys';
import { tenantNames } from '@/lib/portal/tenant-choices';
import { loadListPage } from '@/lib/portal/list-page';
import { apiKeyListQuerySchema } from '@/lib/schemas/api-key';
import { listApiKeys } from '@/lib/services/api-keys';
import { revokeKey } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ApiKeys');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ApiKeysPage({ searchParams }: Props) {
  const ctx = await requirePagePermission('apikey:manage');
  const [{ query, page, notice, params }, tenants] = await Promise.all([
    loadListPage(apiKeyListQuerySchema, await searchParams, { limit: '50', sort: '-created_at' }, (q) => listApiKeys({ ctx, query: q })),
    tenantNames(ctx),
  ]);
  const t = await getTranslations('ApiKeys');
  const revokedOptions = [
    { value: 'false', label: t('notRevoked') },
    { value: 'true', label: t('revoked') },
  ];
  const revoked = query.revoked === undefined ? '' : String(query.revoked);
  return (
    <div className="space-y-4">
      <PageHeader title={t('title')} action={{ href: '/api-keys/new', label: t('create') }} />
      <FilterForm sort={query.sort} submitLabel={t('filter')}>
        <FilterInput name="q" label={t('searchLabel')} defaultValue={query.q ?? ''} />
        <FilterSelect name="revoked" label={t('show')} defaultValue={revoked} anyLabel={t('allKeys')} options={revokedOptions} />
      </FilterForm>
      <ListNotice notice={notice} />
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

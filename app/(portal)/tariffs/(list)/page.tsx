import type { Metadata } from 'next';
import { ListNotice } from '@/components/data-table/list-notice';
import { Pager } from '@/components/data-table/pager';
import { sortLinks } from '@/components/data-table/sort-header';
import { TariffForm } from '@/components/tariffs/tariff-form';
import { TariffsTable } from '@/components/tariffs/tariffs-table';
import { CatalogSearch } from '@/components/data-table/catalog-search';
import { canCpoWide } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { describePrices, offeredToLabel } from '@/lib/view/tariffs';
import { visibleTenants } from '@/lib/portal/tenant-choices';
import { loadListPage } from '@/lib/portal/list-page';
import { tariffListQuerySchema } from '@/lib/schemas/tariff';
import { listTariffs } from '@/lib/services/tariffs';
import { createTariffAction } from '../actions';
import { Panel } from '@/components/layout/panel';

export const metadata: Metadata = { title: 'Tariffs' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TariffsPage({ searchParams }: Props) {
  const ctx = await requirePageContext();
  const [{ query, page, notice, params }, tenants] = await Promise.all([
    loadListPage(tariffListQuerySchema, await searchParams, { limit: '50', sort: 'id' }, (q) => listTariffs({ ctx, query: q })),
    visibleTenants(ctx),
  ]);
  const mayManage = canCpoWide(ctx, 'tariff:manage');
  const rows = page.data.map((t) => ({
    id: t.id,
    name: t.name,
    currency: t.currency,
    prices: describePrices(t),
    offered_to: offeredToLabel(t.tenant_ids, tenants),
    updated_at: t.updated_at,
  }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Tariffs</h1>
      <CatalogSearch q={query.q} sort={query.sort} />
      <ListNotice notice={notice} />
      <TariffsTable rows={rows} sort={sortLinks(['id', 'name', 'updated_at'] as const, query.sort, params)} />
      <Pager params={params} nextCursor={page.next_cursor} />
      {mayManage && (
        <Panel id="new-tariff" title="New tariff">
          <TariffForm action={createTariffAction} tenants={tenants} />
        </Panel>
      )}
    </div>
  );
}

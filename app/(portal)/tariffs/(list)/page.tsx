import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ListNotice } from '@/components/data-table/list-notice';
import { Pager } from '@/components/data-table/pager';
import { sortLinks } from '@/components/data-table/sort-header';
import { TariffForm } from '@/components/tariffs/tariff-form';
import { TariffsTable } from '@/components/tariffs/tariffs-table';
import { CatalogSearch } from '@/components/data-table/catalog-search';
import { canCpoWide } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { describePrices, offeredToLabel, type PriceType } from '@/lib/view/tariffs';
import { visibleTenants } from '@/lib/portal/tenant-choices';
import { loadListPage } from '@/lib/portal/list-page';
import { tariffListQuerySchema } from '@/lib/schemas/tariff';
import { listTariffs } from '@/lib/services/tariffs';
import { createTariffAction } from '../actions';
import { Panel } from '@/components/layout/panel';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Tariffs');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TariffsPage({ searchParams }: Props) {
  const ctx = await requirePageContext();
  const [{ query, page, notice, params }, tenants] = await Promise.all([
    loadListPage(tariffListQuerySchema, await searchParams, { limit: '50', sort: 'id' }, (q) => listTariffs({ ctx, query: q })),
    visibleTenants(ctx),
  ]);
  const [t, locale] = await Promise.all([getTranslations('Tariffs'), getLocale()]);
  const words = { locale, unit: (type: PriceType) => t(`unit.${type}`), restricted: t('restricted') };
  const mayManage = canCpoWide(ctx, 'tariff:manage');
  const rows = page.data.map((tariff) => ({
    id: tariff.id,
    name: tariff.name,
    currency: tariff.currency,
    prices: describePrices(tariff, words),
    offered_to: offeredToLabel(tariff.tenant_ids, tenants, t('everyTenant')),
    updated_at: tariff.updated_at,
  }));
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t('title')}</h1>
      <CatalogSearch q={query.q} sort={query.sort} />
      <ListNotice notice={notice} />
      <TariffsTable rows={rows} sort={sortLinks(['id', 'name', 'updated_at'] as const, query.sort, params)} />
      <Pager params={params} nextCursor={page.next_cursor} />
      {mayManage && (
        <Panel id="new-tariff" title={t('new')}>
          <TariffForm action={createTariffAction} tenants={tenants} />
        </Panel>
      )}
    </div>
  );
}

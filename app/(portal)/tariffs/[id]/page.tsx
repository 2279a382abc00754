import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { EditAndDelete } from '@/components/forms/edit-and-delete';
import { updatedRow } from '@/components/layout/detail-list';
import { DetailPage } from '@/components/layout/detail-page';
import { TariffForm } from '@/components/tariffs/tariff-form';
import { canCpoWide } from '@/lib/auth/context';
import { describePrices, offeredToLabel, vatRates, type PriceType } from '@/lib/view/tariffs';
import { visibleTenants } from '@/lib/portal/tenant-choices';
import { loadDetailPage } from '@/lib/portal/or-not-found';
import { getTariff } from '@/lib/services/tariffs';
import { deleteTariffAction, replaceTariffAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Tariffs');
  return { title: t('tariffTitle') };
}

type Props = { params: Promise<{ id: string }> };

export default async function TariffPage({ params }: Props) {
  const { ctx, object: tariff } = await loadDetailPage(params, getTariff);
  const [tenants, t, locale] = await Promise.all([visibleTenants(ctx), getTranslations('Tariffs'), getLocale()]);
  const words = { locale, unit: (type: PriceType) => t(`unit.${type}`), restricted: t('restricted') };
  const rows: [ReactNode, ReactNode][] = [
    [t('code'), tariff.id],
    [t('name'), tariff.name ?? '—'],
    [t('currency'), tariff.currency],
    [t('prices'), describePrices(tariff, words)],
    [t('vat'), vatRates(tariff, locale) || t('noVat')],
    [t('offeredTo'), offeredToLabel(tariff.tenant_ids, tenants, t('everyTenant'))],
    updatedRow(tariff),
  ];
  return (
    <DetailPage title={tariff.name ? `${tariff.name} (${tariff.id})` : tariff.id} rows={rows}>
      {canCpoWide(ctx, 'tariff:manage') && (
        <EditAndDelete what={t('tariff')} target={tariff} remove={deleteTariffAction} consequence={t('deleteConsequence')}>
          <TariffForm action={replaceTariffAction} tenants={tenants} tariff={tariff} />
        </EditAndDelete>
      )}
    </DetailPage>
  );
}

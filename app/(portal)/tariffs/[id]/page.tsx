import type { Metadata } from 'next';
import { EditAndDelete } from '@/components/forms/edit-and-delete';
import { updatedRow } from '@/components/layout/detail-list';
import { DetailPage } from '@/components/layout/detail-page';
import { TariffForm } from '@/components/tariffs/tariff-form';
import { canCpoWide } from '@/lib/auth/context';
import { describePrices, offeredToLabel, vatRates } from '@/lib/view/tariffs';
import { visibleTenants } from '@/lib/portal/tenant-choices';
import { loadDetailPage } from '@/lib/portal/or-not-found';
import { getTariff } from '@/lib/services/tariffs';
import { deleteTariffAction, replaceTariffAction } from './actions';

export const metadata: Metadata = { title: 'Tariff' };

type Props = { params: Promise<{ id: string }> };

const DELETE_CONSEQUENCE = 'Only a tariff that no connector uses can be deleted.';

export default async function TariffPage({ params }: Props) {
  const { ctx, object: tariff } = await loadDetailPage(params, getTariff);
  const tenants = await visibleTenants(ctx);
  const rows: [string, string][] = [
    ['Code', tariff.id],
    ['Name', tariff.name ?? '—'],
    ['Currency', tariff.currency],
    ['Prices', describePrices(tariff)],
    ['VAT', vatRates(tariff) || 'None'],
    ['Offered to', offeredToLabel(tariff.tenant_ids, tenants)],
    updatedRow(tariff),
  ];
  return (
    <DetailPage title={tariff.name ? `${tariff.name} (${tariff.id})` : tariff.id} rows={rows}>
      {canCpoWide(ctx, 'tariff:manage') && (
        <EditAndDelete what="tariff" target={tariff} remove={deleteTariffAction} consequence={DELETE_CONSEQUENCE}>
          <TariffForm action={replaceTariffAction} tenants={tenants} tariff={tariff} />
        </EditAndDelete>
      )}
    </DetailPage>
  );
}

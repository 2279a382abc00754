import type { Metadata } from 'next';
import { DetailList } from '@/components/layout/detail-list';
import { TariffForm } from '@/components/tariffs/tariff-form';
import { ConfirmDelete } from '@/components/forms/confirm-delete';
import { canCpoWide } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { describePrices, offeredToLabel, vatRates } from '@/lib/view/tariffs';
import { visibleTenants } from '@/lib/portal/tenant-choices';
import { orNotFound } from '@/lib/portal/or-not-found';
import { getTariff } from '@/lib/services/tariffs';
import { deleteTariffAction, replaceTariffAction } from './actions';
import { Panel } from '@/components/layout/panel';
import { formatTimestamp } from '@/lib/format';

export const metadata: Metadata = { title: 'Tariff' };

type Props = { params: Promise<{ id: string }> };

export default async function TariffPage({ params }: Props) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const tariff = await orNotFound(() => getTariff({ ctx, id }));
  const tenants = await visibleTenants(ctx);
  const mayManage = canCpoWide(ctx, 'tariff:manage');
  const rows: [string, string][] = [
    ['Code', tariff.id],
    ['Name', tariff.name ?? '—'],
    ['Currency', tariff.currency],
    ['Prices', describePrices(tariff)],
    ['VAT', vatRates(tariff) || 'None'],
    ['Offered to', offeredToLabel(tariff.tenant_ids, tenants)],
    ['Updated', `${formatTimestamp(tariff.updated_at)} (version ${tariff.version})`],
  ];
  return (
    <article className="space-y-6">
      <h1 className="text-2xl font-semibold">{tariff.name ? `${tariff.name} (${tariff.id})` : tariff.id}</h1>
      <DetailList rows={rows} />
      {mayManage && (
        <>
          <Panel id="edit-tariff" title="Edit tariff">
            <TariffForm action={replaceTariffAction} tenants={tenants} tariff={tariff} />
          </Panel>
          <ConfirmDelete
            action={deleteTariffAction}
            id={tariff.id}
            version={tariff.version}
            what="tariff"
            consequence="Only a tariff that no connector uses can be deleted."
          />
        </>
      )}
    </article>
  );
}

import type { Metadata } from 'next';
import { EditAndDelete } from '@/components/forms/edit-and-delete';
import { updatedRow } from '@/components/layout/detail-list';
import { DetailPage } from '@/components/layout/detail-page';
import { TenantForm } from '@/components/tenants/tenant-form';
import { canCpoWide } from '@/lib/auth/context';
import { loadDetailPage } from '@/lib/portal/or-not-found';
import { getTenant } from '@/lib/services/tenants';
import { deleteTenantAction, updateTenantAction } from './actions';
import { formatTimestamp } from '@/lib/format';

export const metadata: Metadata = { title: 'Tenant' };

type Props = { params: Promise<{ id: string }> };

const DELETE_CONSEQUENCE =
  'Only a tenant without locations or charge stations can be deleted. Its API keys are revoked and its users lose their membership.';

export default async function TenantPage({ params }: Props) {
  const { ctx, object: tenant } = await loadDetailPage(params, getTenant);
  const rows: [string, string][] = [
    ['Slug', tenant.slug],
    ['Kind', tenant.kind],
    ['External id', tenant.external_id ?? '—'],
    ['Created', formatTimestamp(tenant.created_at)],
    updatedRow(tenant),
  ];
  return (
    <DetailPage title={tenant.name} rows={rows}>
      {canCpoWide(ctx, 'tenant:manage') && (
        <EditAndDelete what="tenant" target={tenant} remove={deleteTenantAction} consequence={DELETE_CONSEQUENCE}>
          <TenantForm action={updateTenantAction} tenant={tenant} />
        </EditAndDelete>
      )}
    </DetailPage>
  );
}

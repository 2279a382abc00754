import type { Metadata } from 'next';
import { DetailList } from '@/components/layout/detail-list';
import { ConfirmDelete } from '@/components/forms/confirm-delete';
import { TenantForm } from '@/components/tenants/tenant-form';
import { canCpoWide } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { orNotFound } from '@/lib/portal/or-not-found';
import { getTenant } from '@/lib/services/tenants';
import { deleteTenantAction, updateTenantAction } from './actions';
import { Panel } from '@/components/layout/panel';
import { formatTimestamp } from '@/lib/format';

export const metadata: Metadata = { title: 'Tenant' };

type Props = { params: Promise<{ id: string }> };

export default async function TenantPage({ params }: Props) {
  const ctx = await requirePageContext();
  const { id } = await params;
  const tenant = await orNotFound(() => getTenant({ ctx, id }));
  const mayManage = canCpoWide(ctx, 'tenant:manage');
  const rows: [string, string][] = [
    ['Slug', tenant.slug],
    ['Kind', tenant.kind],
    ['External id', tenant.external_id ?? '—'],
    ['Created', formatTimestamp(tenant.created_at)],
    ['Updated', `${formatTimestamp(tenant.updated_at)} (version ${tenant.version})`],
  ];
  return (
    <article className="space-y-6">
      <h1 className="text-2xl font-semibold">{tenant.name}</h1>
      <DetailList rows={rows} />
      {mayManage && (
        <>
          <Panel id="edit-tenant" title="Edit tenant">
            <TenantForm action={updateTenantAction} tenant={tenant} />
          </Panel>
          <ConfirmDelete
            action={deleteTenantAction}
            id={tenant.id}
            version={tenant.version}
            what="tenant"
            consequence="Only a tenant without locations or charge stations can be deleted. Its API keys are revoked and its users lose their membership."
          />
        </>
      )}
    </article>
  );
}

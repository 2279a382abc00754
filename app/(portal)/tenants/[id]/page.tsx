import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { EditAndDelete } from '@/components/forms/edit-and-delete';
import { updatedRow } from '@/components/layout/detail-list';
import { DetailPage } from '@/components/layout/detail-page';
import { TenantForm } from '@/components/tenants/tenant-form';
import { canCpoWide } from '@/lib/auth/context';
import { loadDetailPage } from '@/lib/portal/or-not-found';
import { getTenant } from '@/lib/services/tenants';
import { deleteTenantAction, updateTenantAction } from './actions';
import { formatTimestamp } from '@/lib/format';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Tenants');
  return { title: t('tenantTitle') };
}

type Props = { params: Promise<{ id: string }> };

export default async function TenantPage({ params }: Props) {
  const { ctx, object: tenant } = await loadDetailPage(params, getTenant);
  const [t, locale] = await Promise.all([getTranslations('Tenants'), getLocale()]);
  const rows: [ReactNode, ReactNode][] = [
    [t('slug'), tenant.slug],
    [t('kind'), t(`kinds.${tenant.kind}`)],
    [t('externalId'), tenant.external_id ?? '—'],
    [t('created'), formatTimestamp(tenant.created_at, locale)],
    updatedRow(tenant),
  ];
  return (
    <DetailPage title={tenant.name} rows={rows}>
      {canCpoWide(ctx, 'tenant:manage') && (
        <EditAndDelete what={t('tenant')} target={tenant} remove={deleteTenantAction} consequence={t('deleteConsequence')}>
          <TenantForm action={updateTenantAction} tenant={tenant} />
        </EditAndDelete>
      )}
    </DetailPage>
  );
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { BackLink } from '@/components/layout/back-link';
import { CreateWebhookForm } from '@/components/webhooks/create-webhook-form';
import { requirePagePermission } from '@/lib/auth/page-context';
import { webhookTenantOptions } from '@/lib/portal/webhooks';
import { createWebhookAction } from '../actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Webhooks');
  return { title: t('new') };
}

export default async function NewWebhookPage() {
  const ctx = await requirePagePermission('webhook:manage');
  const tenants = await webhookTenantOptions(ctx);
  const t = await getTranslations('Webhooks');
  return (
    <div className="space-y-4">
      <BackLink href="/webhooks">{t('title')}</BackLink>
      <h1 className="text-2xl font-semibold">{t('new')}</h1>
      <p className="max-w-2xl text-sm text-slate-600">{t('newIntro')}</p>
      <CreateWebhookForm action={createWebhookAction} tenants={tenants} />
    </div>
  );
}

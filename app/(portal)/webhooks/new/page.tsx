import type { Metadata } from 'next';
import { BackLink } from '@/components/layout/back-link';
import { CreateWebhookForm } from '@/components/webhooks/create-webhook-form';
import { requirePagePermission } from '@/lib/auth/page-context';
import { webhookTenantOptions } from '@/lib/portal/webhooks';
import { createWebhookAction } from '../actions';

export const metadata: Metadata = { title: 'New webhook' };

export default async function NewWebhookPage() {
  const ctx = await requirePagePermission('webhook:manage');
  const tenants = await webhookTenantOptions(ctx);
  return (
    <div className="space-y-4">
      <BackLink href="/webhooks">Webhooks</BackLink>
      <h1 className="text-2xl font-semibold">New webhook</h1>
      <p className="max-w-2xl text-sm text-slate-600">
        Its signing secret is shown once, right after you create it. Send a test event from the webhook’s page to check the receiver.
      </p>
      <CreateWebhookForm action={createWebhookAction} tenants={tenants} />
    </div>
  );
}

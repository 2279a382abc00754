import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Pager } from '@/components/data-table/pager';
import { EditAndDelete } from '@/components/forms/edit-and-delete';
import { BackLink } from '@/components/layout/back-link';
import { DetailList, updatedRow } from '@/components/layout/detail-list';
import { Panel } from '@/components/layout/panel';
import { LiveRefresh } from '@/components/live/live-refresh';
import { DeliveriesTable } from '@/components/webhooks/deliveries-table';
import { EditWebhookForm } from '@/components/webhooks/edit-webhook-form';
import { EnabledToggle, SendTestForm } from '@/components/webhooks/webhook-controls';
import { WebhookStatus } from '@/components/webhooks/webhook-status';
import { loadListPage } from '@/lib/portal/list-page';
import { loadDetailPage } from '@/lib/portal/or-not-found';
import { tenantNames } from '@/lib/portal/tenant-choices';
import { mayManageWebhook } from '@/lib/portal/webhooks';
import { webhookDeliveryListQuerySchema } from '@/lib/schemas/webhook';
import { getWebhook, listWebhookDeliveries } from '@/lib/services/webhooks';
import { formatTimestamp } from '@/lib/format';
import { deleteWebhookAction, retryDeliveryAction, sendTestWebhookAction, setWebhookEnabledAction, updateWebhookAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('Webhooks');
  return { title: t('webhookTitle') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WebhookPage({ params, searchParams }: Props) {
  const { ctx, object: webhook } = await loadDetailPage(params, getWebhook);
  const [{ page, params: listParams }, tenants] = await Promise.all([
    loadListPage(webhookDeliveryListQuerySchema, await searchParams, { limit: '25' }, (query) =>
      listWebhookDeliveries({ ctx, id: webhook.id, query }),
    ),
    tenantNames(ctx),
  ]);
  const [t, locale] = await Promise.all([getTranslations('Webhooks'), getLocale()]);
  const mayManage = mayManageWebhook(ctx, webhook.tenant_id);
  const pending = page.data.some((delivery) => delivery.status === 'PENDING');
  return (
    <article className="space-y-6">
      <BackLink href="/webhooks">{t('title')}</BackLink>
      <h1 className="break-all text-2xl font-semibold">{webhook.url}</h1>
      <DetailList
        rows={[
          [
            t('status'),
            <div key="status" className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
              <WebhookStatus webhook={webhook} />
              {mayManage && <EnabledToggle webhook={webhook} action={setWebhookEnabledAction} />}
            </div>,
          ],
          [t('eventsOf'), webhook.tenant_id ? (tenants[webhook.tenant_id] ?? webhook.tenant_id) : t('cpoWide')],
          [
            t('events'),
            <ul key="events" className="text-sm">
              {webhook.events.map((type) => (
                <li key={type}>
                  {t(`eventTypes.${type}`)} <code className="font-mono text-xs text-slate-600">{type}</code>
                </li>
              ))}
            </ul>,
          ],
          [t('description'), webhook.description ?? '—'],
          [t('failingSince'), formatTimestamp(webhook.failing_since, locale)],
          [t('created'), formatTimestamp(webhook.created_at, locale)],
          updatedRow(webhook),
        ]}
      />
      <Panel id="delivery-log" title={t('deliveryLog')} framed={false}>
        {mayManage && <SendTestForm webhook={webhook} action={sendTestWebhookAction} />}
        {pending && <LiveRefresh intervalMs={2000} />}
        <DeliveriesTable webhookId={webhook.id} rows={page.data} retry={mayManage ? retryDeliveryAction : undefined} />
        <Pager params={listParams} nextCursor={page.next_cursor} />
      </Panel>
      {mayManage && (
        <EditAndDelete what={t('webhook')} target={webhook} remove={deleteWebhookAction} consequence={t('deleteConsequence')}>
          <EditWebhookForm action={updateWebhookAction} webhook={webhook} />
        </EditAndDelete>
      )}
    </article>
  );
}

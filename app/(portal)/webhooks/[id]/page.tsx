import type { Metadata } from 'next';
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

export const metadata: Metadata = { title: 'Webhook' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DELETE_CONSEQUENCE = 'Its delivery log goes with it and nothing more is sent.';

export default async function WebhookPage({ params, searchParams }: Props) {
  const { ctx, object: webhook } = await loadDetailPage(params, getWebhook);
  const [{ page, params: listParams }, tenants] = await Promise.all([
    loadListPage(webhookDeliveryListQuerySchema, await searchParams, { limit: '25' }, (query) =>
      listWebhookDeliveries({ ctx, id: webhook.id, query }),
    ),
    tenantNames(ctx),
  ]);
  const mayManage = mayManageWebhook(ctx, webhook.tenant_id);
  const pending = page.data.some((delivery) => delivery.status === 'PENDING');
  return (
    <article className="space-y-6">
      <BackLink href="/webhooks">Webhooks</BackLink>
      <h1 className="break-all text-2xl font-semibold">{webhook.url}</h1>
      <DetailList
        rows={[
          [
            'Status',
            <div key="status" className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
              <WebhookStatus webhook={webhook} />
              {mayManage && <EnabledToggle webhook={webhook} action={setWebhookEnabledAction} />}
            </div>,
          ],
          ['Events of', webhook.tenant_id ? (tenants[webhook.tenant_id] ?? webhook.tenant_id) : 'All tenants (CPO-wide)'],
          [
            'Events',
            <span key="events" className="font-mono text-sm">
              {webhook.events.join(', ')}
            </span>,
          ],
          ['Description', webhook.description ?? '—'],
          ['Failing since', formatTimestamp(webhook.failing_since)],
          ['Created', formatTimestamp(webhook.created_at)],
          updatedRow(webhook),
        ]}
      />
      <Panel id="delivery-log" title="Delivery log" framed={false}>
        {mayManage && <SendTestForm webhook={webhook} action={sendTestWebhookAction} />}
        {pending && <LiveRefresh intervalMs={2000} />}
        <DeliveriesTable webhookId={webhook.id} rows={page.data} retry={mayManage ? retryDeliveryAction : undefined} />
        <Pager params={listParams} nextCursor={page.next_cursor} />
      </Panel>
      {mayManage && (
        <EditAndDelete what="webhook" target={webhook} remove={deleteWebhookAction} consequence={DELETE_CONSEQUENCE}>
          <EditWebhookForm action={updateWebhookAction} webhook={webhook} />
        </EditAndDelete>
      )}
    </article>
  );
}

import { eq } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { webhookDeliveries, webhookEvents } from '@/lib/db/schema';
import { WEBHOOK_TEST_EVENT } from '@/lib/domain/vocabulary';
import type { WebhookDelivery } from '@/lib/schemas/webhook';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { announceDeliveries, writeEvent } from '@/lib/services/shared/outbox';
import { deliveryColumns, toDelivery } from './list-webhook-deliveries';
import { getWebhookOrThrow, requireWebhookManage, toWebhook } from './webhook-record';

/**
 * POST /api/v2/webhooks/{id}/test: queues a `webhook.test` event for this subscription only (even
 * when disabled, it waits like the rest until enabled). Its data is the subscription as GET shows it.
 */
export async function sendTestWebhook({ ctx, id }: { ctx: AuthContext; id: string }): Promise<WebhookDelivery> {
  const queued = await writeTransaction(async (tx) => {
    const subscription = await getWebhookOrThrow(tx, ctx, id);
    requireWebhookManage(ctx, subscription.tenantId);
    const [deliveryId] = await writeEvent(
      tx,
      { type: WEBHOOK_TEST_EVENT, tenantId: subscription.tenantId, objectId: id, data: toWebhook(subscription) },
      id,
    );
    const [delivery] = await tx
      .select(deliveryColumns)
      .from(webhookDeliveries)
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .where(eq(webhookDeliveries.id, deliveryId!));
    await recordAudit(tx, ctx, { action: 'webhook.tested', entity: 'webhook', entityId: id, tenantId: subscription.tenantId });
    return toDelivery(delivery!);
  });
  announceDeliveries();
  return queued;
}

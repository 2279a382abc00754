import { and, eq, sql } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { webhookDeliveries, webhookEvents } from '@/lib/db/schema';
import { isUuid } from '@/lib/domain/ids';
import { notFound } from '@/lib/errors';
import type { WebhookDelivery } from '@/lib/schemas/webhook';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { announceDeliveries } from '@/lib/services/shared/outbox';
import { deliveryColumns, toDelivery } from './list-webhook-deliveries';
import { getWebhookOrThrow, requireWebhookManage } from './webhook-record';

/**
 * POST /api/v2/webhooks/{id}/deliveries/{delivery_id}/retry: sends the delivery again now, with the
 * same `webhook-id` (receivers deduplicate on it), whatever its status; its attempts and 24 h start
 * over. One being sent right now is left to that attempt (its outcome then decides).
 */
export async function retryWebhookDelivery({ ctx, id, deliveryId }: { ctx: AuthContext; id: string; deliveryId: string }) {
  const retried = await writeTransaction(async (tx): Promise<WebhookDelivery> => {
    const subscription = await getWebhookOrThrow(tx, ctx, id);
    requireWebhookManage(ctx, subscription.tenantId);
    if (!isUuid(deliveryId)) throw notFound('Delivery');
    const [row] = await tx
      .update(webhookDeliveries)
      .set({
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: sql`clock_timestamp()`,
        createdAt: sql`case when ${webhookDeliveries.lockedUntil} > clock_timestamp() then ${webhookDeliveries.createdAt} else clock_timestamp() end`,
      })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.subscriptionId, id)))
      .returning({ id: webhookDeliveries.id });
    if (!row) throw notFound('Delivery');
    const [delivery] = await tx
      .select(deliveryColumns)
      .from(webhookDeliveries)
      .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
      .where(eq(webhookDeliveries.id, deliveryId));
    await recordAudit(tx, ctx, {
      action: 'webhook.delivery_retried',
      entity: 'webhook',
      entityId: id,
      tenantId: subscription.tenantId,
      after: { delivery_id: deliveryId },
    });
    return toDelivery(delivery!);
  });
  announceDeliveries();
  return retried;
}

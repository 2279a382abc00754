import { and, eq, getTableColumns } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { webhookDeliveries, webhookEvents, type WebhookDeliveryRow } from '@/lib/db/schema';
import type { WebhookDelivery, WebhookDeliveryListQuery } from '@/lib/schemas/webhook';
import type { SortKey } from '@/lib/services/shared/keyset';
import { listPage } from '@/lib/services/shared/list-query';
import { getWebhookOrThrow, requireWebhookManage } from './webhook-record';

type DeliveryRecord = WebhookDeliveryRow & { eventType: string };

const SORTS: Record<string, SortKey<WebhookDeliveryRow>> = {
  created_at: { column: webhookDeliveries.createdAt, value: (row) => row.createdAt.toISOString(), timestamp: true },
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toDelivery(row: DeliveryRecord): WebhookDelivery {
  return {
    id: row.id,
    event_id: row.eventId,
    event_type: row.eventType as WebhookDelivery['event_type'],
    object_id: row.objectId,
    status: row.status,
    attempts: row.attempts,
    response_status: row.responseStatus,
    duration_ms: row.durationMs,
    error: row.error,
    next_attempt_at: row.status === 'PENDING' ? iso(row.nextAttemptAt) : null,
    last_attempt_at: iso(row.lastAttemptAt),
    delivered_at: iso(row.deliveredAt),
    created_at: row.createdAt.toISOString(),
  };
}

/** The columns of a delivery with its event's type, for the log. */
export const deliveryColumns = { ...getTableColumns(webhookDeliveries), eventType: webhookEvents.type };

/** GET /api/v2/webhooks/{id}/deliveries: the delivery log, newest first. */
export async function listWebhookDeliveries({ ctx, id, query }: { ctx: AuthContext; id: string; query: WebhookDeliveryListQuery }) {
  const subscription = await getWebhookOrThrow(getDb(), ctx, id);
  requireWebhookManage(ctx, subscription.tenantId);
  const { records, next_cursor } = await listPage({
    ctx,
    permission: 'webhook:manage',
    endpoint: `webhooks/${id}/deliveries`,
    query: { ...query, sort: '-created_at' },
    scope: eq(webhookDeliveries.subscriptionId, id),
    sorts: SORTS,
    idColumn: webhookDeliveries.id,
    changedColumn: webhookDeliveries.createdAt,
    filters: [query.status ? eq(webhookDeliveries.status, query.status) : undefined],
    fetch: ({ where, orderBy, limit }) =>
      getDb()
        .select(deliveryColumns)
        .from(webhookDeliveries)
        .innerJoin(webhookEvents, eq(webhookEvents.id, webhookDeliveries.eventId))
        .where(and(where))
        .orderBy(...orderBy)
        .limit(limit),
    rowOf: (row) => row,
  });
  return { data: records.map(toDelivery), next_cursor };
}

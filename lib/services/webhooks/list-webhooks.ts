import { eq } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { webhookSubscriptions, type WebhookSubscriptionRow } from '@/lib/db/schema';
import type { Webhook, WebhookListQuery } from '@/lib/schemas/webhook';
import type { SortKey } from '@/lib/services/shared/keyset';
import { listPage } from '@/lib/services/shared/list-query';
import { toWebhook, webhookScope } from './webhook-record';

const SORTS: Record<string, SortKey<WebhookSubscriptionRow>> = {
  created_at: { column: webhookSubscriptions.createdAt, value: (row) => row.createdAt.toISOString(), timestamp: true },
};

/** GET /api/v2/webhooks: the subscriptions the caller manages, oldest first. */
export async function listWebhooks({ ctx, query }: { ctx: AuthContext; query: WebhookListQuery }) {
  const { records, next_cursor } = await listPage({
    ctx,
    permission: 'webhook:manage',
    endpoint: 'webhooks',
    query: { ...query, sort: 'created_at' },
    scope: webhookScope(ctx),
    sorts: SORTS,
    idColumn: webhookSubscriptions.id,
    changedColumn: webhookSubscriptions.updatedAt,
    deletedColumn: webhookSubscriptions.deletedAt,
    filters: [query.tenant ? eq(webhookSubscriptions.tenantId, query.tenant) : undefined],
    fetch: ({ where, orderBy, limit }) =>
      getDb()
        .select()
        .from(webhookSubscriptions)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
    rowOf: (row) => row,
  });
  const data: Webhook[] = records.map(toWebhook);
  return { data, next_cursor };
}

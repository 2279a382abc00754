import { and, eq, isNull } from 'drizzle-orm';
import { can, canCpoWide, tenantsWith, type AuthContext } from '@/lib/auth/context';
import type { Queryable } from '@/lib/db/client';
import { webhookSubscriptions, type WebhookSubscriptionRow } from '@/lib/db/schema';
import { isUuid } from '@/lib/domain/ids';
import { AppError, notFound } from '@/lib/errors';
import type { Webhook, WebhookWritable } from '@/lib/schemas/webhook';
import { visibleCondition } from '@/lib/services/shared/scope';
import type { WebhookEventType } from '@/lib/domain/vocabulary';

/** The subscriptions a caller sees: all with CPO-wide webhook:manage, else those of tenants where it holds it. */
export function webhookScope(ctx: AuthContext) {
  const managed = tenantsWith(ctx, 'webhook:manage');
  return visibleCondition(
    managed === null ? { allTenants: true } : { allTenants: false, tenantIds: managed, pool: false },
    webhookSubscriptions.tenantId,
  );
}

export function requireWebhookManage(ctx: AuthContext, tenantId: string | null): void {
  const allowed = tenantId === null ? canCpoWide(ctx, 'webhook:manage') : can(ctx, 'webhook:manage', tenantId);
  if (!allowed) throw new AppError('forbidden', 'This action needs the webhook:manage permission.');
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The API representation: never the secret. */
export function toWebhook(row: WebhookSubscriptionRow): Webhook {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    url: row.url,
    events: row.events as WebhookEventType[],
    description: row.description,
    enabled: row.enabled,
    disabled_reason: row.disabledReason,
    failing_since: iso(row.failingSince),
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const writableWebhook = (webhook: Webhook): WebhookWritable => ({
  url: webhook.url,
  events: webhook.events,
  description: webhook.description,
  enabled: webhook.enabled,
});

/** The one way to load a subscription for a caller; outside its scope is a 404 like a missing one. */
export async function getWebhookOrThrow(
  db: Queryable,
  ctx: AuthContext,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<WebhookSubscriptionRow> {
  if (!isUuid(id)) throw notFound('Webhook');
  const query = db
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.id, id), isNull(webhookSubscriptions.deletedAt), webhookScope(ctx)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Webhook');
  return row;
}

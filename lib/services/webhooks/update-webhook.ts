import type { AuthContext } from '@/lib/auth/context';
import type { Tx } from '@/lib/db/client';
import { webhookSubscriptions } from '@/lib/db/schema';
import { getEnv } from '@/lib/env';
import { webhookWritableSchema, type Webhook } from '@/lib/schemas/webhook';
import { versionedUpdate } from '@/lib/services/shared/versioned-update';
import { getWebhookOrThrow, requireWebhookManage, toWebhook, writableWebhook } from './webhook-record';
import { assertWebhookUrl } from './webhook-url';

export const WEBHOOK_READ_ONLY = ['id', 'tenant_id', 'disabled_reason', 'failing_since', 'version', 'created_at', 'updated_at'] as const;

/**
 * PATCH /api/v2/webhooks/{id} (merge patch): url, events, description, enabled. Enabling clears the
 * reason it was switched off and its failure streak; deliveries that waited are then sent.
 */
export function updateWebhook({
  ctx,
  id,
  body,
  expectedVersion,
}: {
  ctx: AuthContext;
  id: string;
  body: Record<string, unknown>;
  expectedVersion?: number;
}): Promise<Webhook> {
  return versionedUpdate({
    ctx,
    id,
    body,
    mode: 'merge',
    expectedVersion,
    noun: 'webhook',
    lock: async (tx: Tx) => ({ current: toWebhook(await getWebhookOrThrow(tx, ctx, id, { forUpdate: true })) }),
    authorize: ({ current }) => requireWebhookManage(ctx, current.tenant_id),
    readOnly: WEBHOOK_READ_ONLY,
    writable: writableWebhook,
    schema: webhookWritableSchema,
    check: async ({ input }) => assertWebhookUrl(input.url, getEnv().WEBHOOK_ALLOW_PRIVATE),
    table: webhookSubscriptions,
    columns: ({ input, locked }) => ({
      url: input.url,
      events: input.events,
      description: input.description ?? null,
      enabled: input.enabled,
      ...(input.enabled && !locked.current.enabled ? { disabledReason: null, failingSince: null, lastFailureAt: null } : {}),
    }),
    finish: async (_, row) => toWebhook(row),
    audit: { action: 'webhook.updated', entity: 'webhook', tenantId: (_, result) => result.tenant_id },
  });
}

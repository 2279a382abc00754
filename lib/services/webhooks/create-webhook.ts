import { randomBytes } from 'node:crypto';
import { canCpoWide, requirePermission, type AuthContext } from '@/lib/auth/context';
import { webhookSubscriptions } from '@/lib/db/schema';
import { getEnv } from '@/lib/env';
import type { WebhookCreated, WebhookCreateInput } from '@/lib/schemas/webhook';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { resolveTargetTenant } from '@/lib/services/shared/target-tenant';
import { requireWebhookManage, toWebhook } from './webhook-record';
import { assertWebhookUrl } from './webhook-url';

/** A Standard Webhooks signing key: `whsec_` + base64 of 32 random bytes. */
const generateSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/**
 * POST /api/v2/webhooks: a subscription to the events of one tenant, or of every tenant when
 * CPO-wide (`tenant_id: null`, or left out by a CPO-wide caller). The secret is returned once.
 */
export async function createWebhook({ ctx, input }: { ctx: AuthContext; input: WebhookCreateInput }): Promise<WebhookCreated> {
  requirePermission(ctx, 'webhook:manage');
  assertWebhookUrl(input.url, getEnv().WEBHOOK_ALLOW_PRIVATE);
  const secret = generateSecret();
  return writeTransaction(async (tx) => {
    const cpoWide = input.tenant_id === null || (input.tenant_id === undefined && canCpoWide(ctx, 'webhook:manage'));
    const tenantId = cpoWide ? null : await resolveTargetTenant(tx, ctx, 'webhook:manage', input.tenant_id ?? undefined);
    requireWebhookManage(ctx, tenantId);
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({
        tenantId,
        url: input.url,
        events: input.events,
        description: input.description ?? null,
        enabled: input.enabled ?? true,
        secret,
      })
      .returning();
    const created = toWebhook(row!);
    await recordAudit(tx, ctx, { action: 'webhook.created', entity: 'webhook', entityId: created.id, tenantId, after: created });
    return { ...created, secret };
  });
}

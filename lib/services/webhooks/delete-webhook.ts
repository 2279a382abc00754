import { eq } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { webhookSubscriptions } from '@/lib/db/schema';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { softDeleted } from '@/lib/services/shared/soft-delete';
import { getWebhookOrThrow, requireWebhookManage, toWebhook } from './webhook-record';

/** DELETE /api/v2/webhooks/{id}: the subscription is gone for its callers and nothing more is sent. */
export async function deleteWebhook({ ctx, id, expectedVersion }: { ctx: AuthContext; id: string; expectedVersion?: number }) {
  await writeTransaction(async (tx) => {
    const current = toWebhook(await getWebhookOrThrow(tx, ctx, id, { forUpdate: true }));
    requireWebhookManage(ctx, current.tenant_id);
    assertVersion('webhook', current.version, expectedVersion);
    await tx
      .update(webhookSubscriptions)
      .set({ enabled: false, ...softDeleted(webhookSubscriptions.version) })
      .where(eq(webhookSubscriptions.id, id));
    await recordAudit(tx, ctx, {
      action: 'webhook.deleted',
      entity: 'webhook',
      entityId: id,
      tenantId: current.tenant_id,
      before: current,
    });
  });
}

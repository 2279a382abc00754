import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import type { Webhook } from '@/lib/schemas/webhook';
import { getWebhookOrThrow, toWebhook } from './webhook-record';

/** GET /api/v2/webhooks/{id}, without its secret. */
export async function getWebhook({ ctx, id }: { ctx: AuthContext; id: string }): Promise<Webhook> {
  return toWebhook(await getWebhookOrThrow(getDb(), ctx, id));
}

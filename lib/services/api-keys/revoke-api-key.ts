import { eq, sql } from 'drizzle-orm';
import { forgetApiKeys } from '@/lib/auth/api-key-cache';
import type { AuthContext } from '@/lib/auth/context';
import { apiKeys } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/services/shared/audit';
import { changedAt, writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { canManageKey, getApiKeyOrThrow, toApiKey } from './api-key-record';

/**
 * DELETE /api/v2/api-keys/{id}: revokes the key, which answers 401 from then on. Revoking a
 * revoked key changes nothing.
 */
export async function revokeApiKey({ ctx, id, expectedVersion }: { ctx: AuthContext; id: string; expectedVersion?: number }) {
  await writeTransaction(async (tx) => {
    const current = toApiKey(await getApiKeyOrThrow(tx, ctx, id, { forUpdate: true }));
    if (!canManageKey(ctx, current.tenant_id)) throw new AppError('forbidden', 'This action needs the apikey:manage permission.');
    assertVersion('API key', current.version, expectedVersion);
    if (current.revoked_at) return;
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: changedAt, updatedAt: changedAt, version: sql`${apiKeys.version} + 1` })
      .where(eq(apiKeys.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'api_key.revoked',
      entity: 'api_key',
      entityId: id,
      tenantId: current.tenant_id,
      before: current,
      after: toApiKey(row!),
    });
  });
  // Every instance drops cached keys on the NOTIFY; this one at once.
  forgetApiKeys();
}

import { and, eq, isNull, sql } from 'drizzle-orm';
import { forgetApiKeys } from '@/lib/auth/api-key-cache';
import { requireCpoWide, type AuthContext } from '@/lib/auth/context';
import { apiKeys, chargeStations, locations, memberships, tenants } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { changedAt, writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { recordDeletion, softDeleted } from '@/lib/services/shared/soft-delete';
import { getTenantOrThrow } from './tenant-record';

/**
 * DELETE /api/v2/tenants/{id}: soft delete; 409 while it has live locations or stations. Access
 * through the tenant ends with it: its API keys are revoked and its memberships removed, so no
 * key or user keeps acting in a tenant that no longer exists.
 */
export async function deleteTenant({ ctx, id, expectedVersion }: { ctx: AuthContext; id: string; expectedVersion?: number }) {
  await writeTransaction(async (tx) => {
    const current = await getTenantOrThrow(tx, ctx, id, { forUpdate: true });
    requireCpoWide(ctx, 'tenant:manage');
    assertVersion('tenant', current.version, expectedVersion);
    const [location] = await tx
      .select({ id: locations.id })
      .from(locations)
      .where(and(eq(locations.tenantId, id), isNull(locations.deletedAt)))
      .limit(1);
    const [station] = await tx
      .select({ id: chargeStations.id })
      .from(chargeStations)
      .where(and(eq(chargeStations.tenantId, id), isNull(chargeStations.deletedAt)))
      .limit(1);
    if (location || station) {
      throw new AppError('conflict', 'The tenant still has locations or charge stations; delete or move them first.');
    }
    const revoked = await tx
      .update(apiKeys)
      .set({ revokedAt: changedAt, updatedAt: changedAt, version: sql`${apiKeys.version} + 1` })
      .where(and(eq(apiKeys.tenantId, id), isNull(apiKeys.revokedAt), isNull(apiKeys.deletedAt)))
      .returning({ id: apiKeys.id });
    const removed = await tx.delete(memberships).where(eq(memberships.tenantId, id)).returning({ userId: memberships.userId });
    // A delete is a change too: it bumps updated_at so incremental syncs see it.
    await tx.update(tenants).set(softDeleted(tenants.version)).where(eq(tenants.id, id));
    await recordDeletion(tx, ctx, {
      entity: 'tenant',
      entityId: id,
      tenantId: id,
      also: {
        ...(revoked.length ? { revoked_api_keys: revoked.map((k) => k.id).sort() } : {}),
        ...(removed.length ? { removed_members: removed.map((m) => m.userId).sort() } : {}),
      },
    });
  });
  // Every instance drops cached keys on the NOTIFY; this one at once.
  forgetApiKeys();
}

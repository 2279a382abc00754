import { changedAt, writeTransaction } from '@/lib/services/shared/change-order';
import { eq, sql } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { users } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { recordAudit } from '@/lib/services/shared/audit';
import { assertVersion } from '@/lib/services/shared/if-match';
import { getUserOrThrow, toUser } from './user-record';
import { auditTenant, requireCover } from './user-writes';

/** DELETE /api/v2/users/{id}: soft delete; the user can no longer sign in and the e-mail is free again. */
export async function deleteUser({ ctx, id, expectedVersion }: { ctx: AuthContext; id: string; expectedVersion?: number }) {
  await writeTransaction(async (tx) => {
    const current = toUser(await getUserOrThrow(tx, ctx, id, { forUpdate: true }));
    if (ctx.actor.kind === 'user' && ctx.actor.id === id) {
      throw new AppError('forbidden', 'You cannot delete your own user.');
    }
    await requireCover(tx, ctx, current);
    assertVersion('user', current.version, expectedVersion);
    await tx
      .update(users)
      .set({ deletedAt: changedAt, updatedAt: changedAt, version: sql`${users.version} + 1` })
      .where(eq(users.id, id));
    await recordAudit(tx, ctx, {
      action: 'user.deleted',
      entity: 'user',
      entityId: id,
      tenantId: auditTenant(current.memberships),
      before: { deleted: false },
      after: { deleted: true },
    });
  });
}

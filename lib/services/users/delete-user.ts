import { eq } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { users } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { recordDeletion, softDeleted } from '@/lib/services/shared/soft-delete';
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
    await tx.update(users).set(softDeleted(users.version)).where(eq(users.id, id));
    await recordDeletion(tx, ctx, { entity: 'user', entityId: id, tenantId: auditTenant(current.memberships) });
  });
}

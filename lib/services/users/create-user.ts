import { canCpoWide, requirePermission, type AuthContext } from '@/lib/auth/context';
import { hashPassword } from '@/lib/auth/password';
import { getDb } from '@/lib/db/client';
import { memberships, users } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import type { UserCreated, UserCreateInput } from '@/lib/schemas/user';
import { recordAudit } from '@/lib/services/shared/audit';
import { forCaller, toUser } from './user-record';
import {
  asEmailClash,
  assertEmailFree,
  assertRoleOrMemberships,
  auditTenant,
  checkCpoRole,
  generatePassword,
  planMemberships,
} from './user-writes';
import { writeTransaction } from '@/lib/services/shared/change-order';

/**
 * POST /api/v2/users: invites a user with an initial password, the given one or a generated one
 * that is returned once as `initial_password`.
 */
export async function createUser({ ctx, input }: { ctx: AuthContext; input: UserCreateInput }): Promise<UserCreated> {
  requirePermission(ctx, 'user:manage');
  const db = getDb();
  const cpoRole = input.cpo_role ?? null;
  const requested = input.memberships ?? [];
  assertRoleOrMemberships(cpoRole, requested);
  await checkCpoRole(db, ctx, cpoRole, null);
  if (!canCpoWide(ctx, 'user:manage') && !requested.length) {
    // Otherwise the new user would be invisible to the tenant admin who created it.
    throw new AppError('validation', 'The request body is invalid.', {
      errors: [{ path: '/memberships', message: 'must name at least one tenant you manage' }],
    });
  }
  const held = await planMemberships(db, ctx, requested, []);
  const initialPassword = input.password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(input.password ?? initialPassword!);

  return writeTransaction(async (tx) => {
    await assertEmailFree(tx, ctx, input.email);
    const [row] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        passwordHash,
        cpoRole,
        disabled: input.disabled ?? false,
        locale: input.locale ?? null,
      })
      .returning();
    if (held.length) {
      await tx.insert(memberships).values(held.map((m) => ({ userId: row!.id, tenantId: m.tenant_id, roleId: m.role })));
    }
    const created = toUser({ row: row!, memberships: held });
    await recordAudit(tx, ctx, {
      action: 'user.created',
      entity: 'user',
      entityId: created.id,
      tenantId: auditTenant(held),
      after: created,
    });
    return { ...forCaller(ctx, created), ...(initialPassword ? { initial_password: initialPassword } : {}) };
  }).catch(async (error) => {
    throw await asEmailClash(error, ctx, { email: input.email });
  });
}

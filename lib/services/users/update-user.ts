import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { hashPassword } from '@/lib/auth/password';
import type { Tx } from '@/lib/db/client';
import { memberships, users } from '@/lib/db/schema';
import { userCreateSchema, type Membership, type User } from '@/lib/schemas/user';
import { versionedUpdate } from '@/lib/services/shared/versioned-update';
import { forCaller, getUserOrThrow, toUser, USER_READ_ONLY, writableUser } from './user-record';
import {
  asEmailClash,
  assertEmailFree,
  assertRoleOrMemberships,
  auditTenant,
  checkCpoRole,
  planMemberships,
  requireCover,
} from './user-writes';

type UpdateUserArgs = {
  ctx: AuthContext;
  id: string;
  /** The parsed JSON merge patch (RFC 7396). */
  body: Record<string, unknown>;
  /** From If-Match; a different current version answers 412 and changes nothing. */
  expectedVersion?: number;
};

/**
 * PATCH /api/v2/users/{id}: name, e-mail, password, disabled, cpo_role and memberships. Users may
 * change their own name, e-mail and password; everything else follows the user:manage rules. The
 * lookup's scope is the first permission check (a caller sees only users it manages, and itself);
 * the rest depends on what changes.
 */
export async function updateUser({ ctx, id, body, expectedVersion }: UpdateUserArgs): Promise<User> {
  const updated = await versionedUpdate({
    ctx,
    id,
    body,
    mode: 'merge',
    expectedVersion,
    noun: 'user',
    lock: async (tx: Tx) => ({ current: toUser(await getUserOrThrow(tx, ctx, id, { forUpdate: true })) }),
    shown: ({ current }) => forCaller(ctx, current),
    readOnly: USER_READ_ONLY,
    writable: writableUser,
    schema: userCreateSchema,
    check: async ({ tx, locked: { current }, input, changes }) => {
      const isSelf = ctx.actor.kind === 'user' && ctx.actor.id === id;
      const passwordChanged = input.password !== undefined;
      const disabled = input.disabled ?? false;
      if (disabled !== current.disabled || (!isSelf && (input.email !== current.email || passwordChanged))) {
        await requireCover(tx, ctx, current);
      }
      const cpoRole = input.cpo_role ?? null;
      await checkCpoRole(tx, ctx, cpoRole, current.cpo_role);
      const held =
        'memberships' in changes ? await planMemberships(tx, ctx, input.memberships ?? [], current.memberships) : current.memberships;
      assertRoleOrMemberships(cpoRole, held);
      return { cpoRole, disabled, held, passwordChanged };
    },
    unique: {
      assertFree: async ({ tx, locked: { current }, input }) => {
        if (input.email !== current.email) await assertEmailFree(tx, ctx, input.email, id);
      },
      asClash: (error, { input }) => asEmailClash(error, ctx, { email: input.email, selfId: id }),
    },
    table: users,
    columns: async ({ input }, { cpoRole, disabled, passwordChanged }) => ({
      email: input.email,
      name: input.name,
      cpoRole,
      disabled,
      locale: input.locale ?? null,
      ...(passwordChanged ? { passwordHash: await hashPassword(input.password!) } : {}),
    }),
    finish: async ({ tx, locked: { current } }, row, { held }) => {
      await replaceMemberships(tx, id, current.memberships, held);
      return toUser({ row, memberships: held });
    },
    audit: {
      action: 'user.updated',
      entity: 'user',
      tenantId: ({ locked }, _, { held }) => auditTenant(locked.current.memberships, held),
      // The password itself never reaches the audit log; only the fact that it changed.
      after: (user, { input }) => ({ ...user, ...(input.password !== undefined ? { password_changed: true } : {}) }),
    },
  });
  return forCaller(ctx, updated);
}

/** Writes only the difference, so untouched memberships keep their rows. */
async function replaceMemberships(tx: Tx, userId: string, current: Membership[], next: Membership[]) {
  const nextTenants = next.map((m) => m.tenant_id);
  if (current.some((c) => !nextTenants.includes(c.tenant_id))) {
    await tx
      .delete(memberships)
      .where(and(eq(memberships.userId, userId), nextTenants.length ? notInArray(memberships.tenantId, nextTenants) : undefined));
  }
  const upserts = next.filter((m) => !current.some((c) => c.tenant_id === m.tenant_id && c.role === m.role));
  if (!upserts.length) return;
  await tx
    .insert(memberships)
    .values(upserts.map((m) => ({ userId, tenantId: m.tenant_id, roleId: m.role })))
    .onConflictDoUpdate({ target: [memberships.userId, memberships.tenantId], set: { roleId: sql`excluded.role_id` } });
}

import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { hashPassword } from '@/lib/auth/password';
import type { Tx } from '@/lib/db/client';
import { memberships, users } from '@/lib/db/schema';
import { userCreateSchema, type Membership, type User } from '@/lib/schemas/user';
import { parseOrThrow } from '@/lib/schemas/parse';
import { recordAudit } from '@/lib/services/shared/audit';
import { changedAt, writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { applyMergePatch, stripReadOnly } from '@/lib/services/shared/merge-patch';
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
 * change their own name, e-mail and password; everything else follows the user:manage rules.
 */
export async function updateUser({ ctx, id, body, expectedVersion }: UpdateUserArgs): Promise<User> {
  let clash: { email: string; selfId: string } | undefined;
  return writeTransaction(async (tx) => {
    const current = toUser(await getUserOrThrow(tx, ctx, id, { forUpdate: true }));
    const shown = forCaller(ctx, current);
    assertVersion('user', current.version, expectedVersion);
    const changes = stripReadOnly(body, shown, USER_READ_ONLY);
    const input = parseOrThrow(userCreateSchema, applyMergePatch(writableUser(shown), changes));
    const isSelf = ctx.actor.kind === 'user' && ctx.actor.id === id;
    const emailChanged = input.email !== current.email;
    const passwordChanged = input.password !== undefined;
    const disabled = input.disabled ?? false;
    if (disabled !== current.disabled || (!isSelf && (emailChanged || passwordChanged))) await requireCover(tx, ctx, current);
    const cpoRole = input.cpo_role ?? null;
    await checkCpoRole(tx, ctx, cpoRole, current.cpo_role);
    const held =
      'memberships' in changes ? await planMemberships(tx, ctx, input.memberships ?? [], current.memberships) : current.memberships;
    assertRoleOrMemberships(cpoRole, held);

    clash = { email: input.email, selfId: id };
    if (emailChanged) await assertEmailFree(tx, input.email, id);
    const [row] = await tx
      .update(users)
      .set({
        email: input.email,
        name: input.name,
        cpoRole,
        disabled,
        ...(passwordChanged ? { passwordHash: await hashPassword(input.password!) } : {}),
        version: sql`${users.version} + 1`,
        updatedAt: changedAt,
      })
      .where(eq(users.id, id))
      .returning();
    await replaceMemberships(tx, id, current.memberships, held);
    const updated = toUser({ row: row!, memberships: held });
    await recordAudit(tx, ctx, {
      action: 'user.updated',
      entity: 'user',
      entityId: id,
      tenantId: auditTenant(current.memberships, held),
      before: current,
      // The password itself never reaches the audit log; only the fact that it changed.
      after: { ...updated, ...(passwordChanged ? { password_changed: true } : {}) },
    });
    return forCaller(ctx, updated);
  }).catch(async (error) => {
    throw await asEmailClash(error, clash);
  });
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

import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { tenantsWith, visibility, type AuthContext } from '@/lib/auth/context';
import type { Queryable } from '@/lib/db/client';
import { memberships, users, type UserRow } from '@/lib/db/schema';
import { notFound } from '@/lib/errors';
import type { Membership, User, UserCreateInput } from '@/lib/schemas/user';
import { isUuid } from '@/lib/domain/ids';

/** Fields a PATCH may echo but never change. */
export const USER_READ_ONLY = ['id', 'version', 'created_at', 'updated_at'] as const;

export type UserRecord = { row: UserRow; memberships: Membership[] };

/** Memberships of the given users, each list sorted by tenant id. */
export async function loadMemberships(db: Queryable, userIds: string[]): Promise<Map<string, Membership[]>> {
  const map = new Map<string, Membership[]>(userIds.map((id) => [id, []]));
  if (!userIds.length) return map;
  const rows = await db
    .select({ userId: memberships.userId, tenantId: memberships.tenantId, roleId: memberships.roleId })
    .from(memberships)
    .where(inArray(memberships.userId, userIds))
    .orderBy(asc(memberships.tenantId));
  for (const row of rows) map.get(row.userId)!.push({ tenant_id: row.tenantId, role: row.roleId });
  return map;
}

/**
 * The users a caller sees: all with CPO-wide user:manage; else those with a membership in a
 * tenant where it holds user:manage, plus itself.
 */
export function userScope(ctx: AuthContext): SQL | undefined {
  const managed = tenantsWith(ctx, 'user:manage');
  if (managed === null) return undefined;
  const parts: SQL[] = [];
  if (ctx.actor.kind === 'user') parts.push(eq(users.id, ctx.actor.id));
  if (managed.length) {
    parts.push(sql`exists (select 1 from memberships m where m.user_id = "users"."id"
      and m.tenant_id in (${sql.join(
        managed.map((id) => sql`${id}`),
        sql`, `,
      )}))`);
  }
  return parts.length ? or(...parts) : sql`false`;
}

/** The full API representation: every membership (for audit and checks). */
export function toUser({ row, memberships: held }: UserRecord): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    cpo_role: row.cpoRole,
    memberships: held,
    disabled: row.disabled,
    locale: (row.locale as User['locale']) ?? null,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    ...(row.deletedAt ? { deleted_at: row.deletedAt.toISOString() } : {}),
  };
}

/** What the caller is shown: memberships only in tenants it sees (the isolation rule). */
export function forCaller(ctx: AuthContext, user: User): User {
  const vis = visibility(ctx, 'tenant:read');
  if (vis.allTenants) return user;
  return { ...user, memberships: user.memberships.filter((m) => vis.tenantIds.includes(m.tenant_id)) };
}

/** The writable state of a user, as PATCH merges into (the password is write-only). */
export function writableUser({ email, name, cpo_role, memberships: held, disabled, locale }: User): UserCreateInput {
  return { email, name, cpo_role, memberships: held, disabled, locale };
}

/** The one way to load a live user for a caller; outside its scope is a 404 like a missing one. */
export async function getUserOrThrow(
  db: Queryable,
  ctx: AuthContext,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<UserRecord> {
  if (!isUuid(id)) throw notFound('User');
  const query = db
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt), userScope(ctx)));
  const [row] = options.forUpdate ? await query.for('update', { of: users }) : await query;
  if (!row) throw notFound('User');
  return { row, memberships: (await loadMemberships(db, [id])).get(id)! };
}

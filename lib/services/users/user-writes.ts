import { randomBytes } from 'node:crypto';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { canCpoWide, requireCpoWide, requirePermission, tenantsWith, type AuthContext } from '@/lib/auth/context';
import { getDb, type Queryable } from '@/lib/db/client';
import { users } from '@/lib/db/schema';
import { AppError, type FieldError } from '@/lib/errors';
import type { Membership, User } from '@/lib/schemas/user';
import { conflict, violatedUniqueConstraint } from '@/lib/services/shared/unique-clash';
import { userScope } from './user-record';
import { assertGrantable, liveTenantIds, loadRoles, seesTenant } from './grants';

export const EMAIL_CONSTRAINT = 'users_email_live_uq';

const invalid = (errors: FieldError[]) => new AppError('validation', 'The request body is invalid.', { errors });

function findEmail(db: Queryable, email: string, selfId?: string) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(sql`lower(${users.email})`, email.toLowerCase()), isNull(users.deletedAt), selfId ? ne(users.id, selfId) : undefined));
}

/**
 * The 409 for another live user with this e-mail (unique in the deployment, compared
 * case-insensitively), naming that user only to a caller who sees it.
 */
async function emailClash(db: Queryable, ctx: AuthContext, email: string, selfId?: string): Promise<AppError | undefined> {
  const [existing] = await findEmail(db, email, selfId);
  if (!existing) return undefined;
  const [seen] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, existing.id), userScope(ctx)));
  return conflict(`A user with e-mail "${email}" already exists.`, seen?.id);
}

/** 409 when another live user has this e-mail. */
export async function assertEmailFree(db: Queryable, ctx: AuthContext, email: string, selfId?: string) {
  const clash = await emailClash(db, ctx, email, selfId);
  if (clash) throw clash;
}

/** A concurrent duplicate that slipped past the check fails on the unique index: the same 409. */
export async function asEmailClash(
  error: unknown,
  ctx: AuthContext,
  clash: { email: string; selfId?: string } | undefined,
): Promise<unknown> {
  if (!clash || violatedUniqueConstraint(error) !== EMAIL_CONSTRAINT) return error;
  return (await emailClash(getDb(), ctx, clash.email, clash.selfId)) ?? error;
}

/** 20 random URL-safe characters, for an invite without a password. */
export const generatePassword = () => randomBytes(15).toString('base64url');

/** A user holds a CPO-wide role or per-tenant memberships, never both: CPO staff act across tenants, everyone else within theirs. */
export function assertRoleOrMemberships(cpoRole: string | null, held: Membership[]) {
  if (cpoRole !== null && held.length) {
    throw invalid([{ path: '/memberships', message: 'must be empty for a user with a cpo_role' }]);
  }
}

/** Setting or clearing `cpo_role`: only a CPO-wide user:manage caller, and only a role it covers. */
export async function checkCpoRole(db: Queryable, ctx: AuthContext, next: string | null, current: string | null) {
  if (next === current) return;
  requireCpoWide(ctx, 'user:manage');
  if (next === null) return;
  const role = (await loadRoles(db, [next])).get(next);
  if (!role?.cpoWide) throw invalid([{ path: '/cpo_role', message: 'unknown CPO-wide role' }]);
  assertGrantable(ctx, role, null);
}

/**
 * The memberships a user ends up with when the caller asks for `requested`. Only tenants where
 * the caller holds user:manage are replaced; memberships elsewhere stay as they are. Entries that
 * change something need a live tenant the caller sees (422), user:manage there and every
 * permission of the role (403).
 */
export async function planMemberships(
  db: Queryable,
  ctx: AuthContext,
  requested: Membership[],
  current: Membership[],
): Promise<Membership[]> {
  const managed = tenantsWith(ctx, 'user:manage');
  const inScope = (tenantId: string) => managed === null || managed.includes(tenantId);
  const unchanged = (m: Membership) => current.some((c) => c.tenant_id === m.tenant_id && c.role === m.role);
  const changed = requested.filter((m) => !unchanged(m));
  const live = await liveTenantIds(
    db,
    changed.map((m) => m.tenant_id),
  );
  const roleMap = await loadRoles(
    db,
    changed.map((m) => m.role),
  );

  const errors: FieldError[] = [];
  const seen = new Set<string>();
  requested.forEach((m, i) => {
    if (seen.has(m.tenant_id)) errors.push({ path: `/memberships/${i}/tenant_id`, message: 'is listed twice' });
    seen.add(m.tenant_id);
    if (unchanged(m)) return;
    if (!seesTenant(ctx, m.tenant_id) || !live.has(m.tenant_id)) {
      errors.push({ path: `/memberships/${i}/tenant_id`, message: 'unknown tenant' });
    }
    const role = roleMap.get(m.role);
    if (!role) errors.push({ path: `/memberships/${i}/role`, message: 'unknown role' });
    else if (role.cpoWide) errors.push({ path: `/memberships/${i}/role`, message: 'is a CPO-wide role: set it as cpo_role' });
  });
  if (errors.length) throw invalid(errors);

  for (const m of changed) {
    requirePermission(ctx, 'user:manage', m.tenant_id);
    assertGrantable(ctx, roleMap.get(m.role)!, m.tenant_id);
  }
  const kept = current.filter((c) => !inScope(c.tenant_id));
  return [...kept, ...requested.filter((m) => inScope(m.tenant_id))].sort((a, b) => a.tenant_id.localeCompare(b.tenant_id));
}

/**
 * Whoever controls a user's sign-in (e-mail, password, disabled) or deletes it acts with all of
 * its permissions: 403 unless the caller holds user:manage and everything the user's roles grant,
 * in every tenant the user belongs to (CPO-wide for a CPO role).
 */
export async function requireCover(db: Queryable, ctx: AuthContext, user: User) {
  const roleMap = await loadRoles(db, [...(user.cpo_role ? [user.cpo_role] : []), ...user.memberships.map((m) => m.role)]);
  const denied = () =>
    new AppError(
      'forbidden',
      'Changing this user’s sign-in or access needs user:manage, and every permission the user holds, in each tenant the user belongs to.',
    );
  if (user.cpo_role) {
    if (!canCpoWide(ctx, 'user:manage')) throw denied();
    const role = roleMap.get(user.cpo_role);
    if (role) assertGrantable(ctx, role, null);
  }
  for (const m of user.memberships) {
    if (!tenantsWithManage(ctx, m.tenant_id)) throw denied();
    const role = roleMap.get(m.role);
    if (role) assertGrantable(ctx, role, m.tenant_id);
  }
}

const tenantsWithManage = (ctx: AuthContext, tenantId: string) => {
  const managed = tenantsWith(ctx, 'user:manage');
  return managed === null || managed.includes(tenantId);
};

/**
 * The tenant an audit event about a user belongs to: the one tenant its memberships name, before
 * and after; null (CPO-wide readers only) when they span several, so no tenant's auditors learn
 * of another tenant.
 */
export function auditTenant(...sets: Membership[][]): string | null {
  const ids = new Set(sets.flat().map((m) => m.tenant_id));
  return ids.size === 1 ? [...ids][0]! : null;
}

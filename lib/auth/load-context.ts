import 'server-only';
import { and, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/lib/db/client';
import { isUuid } from '@/lib/domain/ids';
import { apiKeys, memberships, rolePermissions, roles, users } from '@/lib/db/schema';
import { isPermission, type Permission } from './permissions';
import { hashApiKeySecret } from './api-key-secret';
import type { AuthContext } from './context';

type RoleGrant = { tenantId: string | null; permissions: Permission[]; cpoWide: boolean; seesPool: boolean };

async function rolePermissionMap(db: Queryable, roleIds: string[]) {
  const rows = roleIds.length
    ? await db
        .select({ roleId: roles.id, cpoWide: roles.cpoWide, seesPool: roles.seesPool, permissionId: rolePermissions.permissionId })
        .from(roles)
        .leftJoin(rolePermissions, eq(rolePermissions.roleId, roles.id))
        .where(inArray(roles.id, roleIds))
    : [];
  const map = new Map<string, { cpoWide: boolean; seesPool: boolean; permissions: Permission[] }>();
  for (const row of rows) {
    const entry = map.get(row.roleId) ?? { cpoWide: row.cpoWide, seesPool: row.seesPool, permissions: [] };
    if (row.permissionId && isPermission(row.permissionId)) entry.permissions.push(row.permissionId);
    map.set(row.roleId, entry);
  }
  return map;
}

function buildContext(actor: AuthContext['actor'], grants: RoleGrant[]): AuthContext {
  let cpoWide: Set<Permission> | null = null;
  let pool: Set<Permission> | null = null;
  const tenants = new Map<string, Set<Permission>>();
  for (const grant of grants) {
    if (grant.cpoWide && grant.tenantId === null) {
      cpoWide = new Set([...(cpoWide ?? []), ...grant.permissions]);
      continue;
    }
    if (grant.tenantId) {
      tenants.set(grant.tenantId, new Set([...(tenants.get(grant.tenantId) ?? []), ...grant.permissions]));
    }
    if (grant.seesPool) pool = new Set([...(pool ?? []), ...grant.permissions]);
  }
  return { actor, cpoWide, tenants, pool };
}

/** The context of a signed-in user, or null when the user is gone or disabled (two statements: user with memberships, roles). */
export async function contextForUser(db: Queryable, userId: string): Promise<AuthContext | null> {
  const rows = await db
    .select({ id: users.id, cpoRole: users.cpoRole, tenantId: memberships.tenantId, roleId: memberships.roleId })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.id, userId), eq(users.disabled, false), isNull(users.deletedAt)));
  const user = rows[0];
  if (!user) return null;
  const held = rows.flatMap((row) => (row.tenantId && row.roleId ? [{ tenantId: row.tenantId, roleId: row.roleId }] : []));
  const roleIds = [...new Set([...(user.cpoRole ? [user.cpoRole] : []), ...held.map((m) => m.roleId)])];
  const roleMap = await rolePermissionMap(db, roleIds);
  const grants: RoleGrant[] = [];
  const cpoRole = user.cpoRole ? roleMap.get(user.cpoRole) : undefined;
  if (cpoRole?.cpoWide) grants.push({ tenantId: null, ...cpoRole });
  for (const m of held) {
    const role = roleMap.get(m.roleId);
    // A CPO-wide role is never held per tenant; such a row grants nothing.
    if (role && !role.cpoWide) grants.push({ tenantId: m.tenantId, ...role });
  }
  return buildContext({ kind: 'user', id: user.id }, grants);
}

/** Only refresh last_used_at this often, so a busy key does not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** A live API key as authentication needs it: its context, and what decides how long that holds. */
export type LoadedApiKey = { ctx: AuthContext; id: string; lastUsedAt: Date | null; expiresAt: Date | null };

/**
 * A live API key (not revoked, not expired) by its secret's hash, or null. One statement: the key
 * with its role and the role's permissions.
 */
export function loadApiKey(db: Queryable, secretHash: string): Promise<LoadedApiKey | null> {
  return loadLiveApiKey(db, eq(apiKeys.secretHash, secretHash));
}

async function loadLiveApiKey(db: Queryable, which: SQL): Promise<LoadedApiKey | null> {
  const rows = await db
    .select({
      id: apiKeys.id,
      tenantId: apiKeys.tenantId,
      lastUsedAt: apiKeys.lastUsedAt,
      expiresAt: apiKeys.expiresAt,
      cpoWide: roles.cpoWide,
      seesPool: roles.seesPool,
      permissionId: rolePermissions.permissionId,
    })
    .from(apiKeys)
    .innerJoin(roles, eq(roles.id, apiKeys.roleId))
    .leftJoin(rolePermissions, eq(rolePermissions.roleId, roles.id))
    .where(
      and(which, isNull(apiKeys.revokedAt), isNull(apiKeys.deletedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, sql`now()`))),
    );
  const key = rows[0];
  if (!key) return null;
  const permissions = rows.map((row) => row.permissionId).filter((id): id is Permission => id !== null && isPermission(id));
  const role = { cpoWide: key.cpoWide, seesPool: key.seesPool, permissions };
  const actor = { kind: 'api_key' as const, id: key.id };
  // CPO-wide roles only on CPO-wide keys, every other role on a tenant key; anything else grants nothing.
  const ctx =
    role.cpoWide !== (key.tenantId === null) ? buildContext(actor, []) : buildContext(actor, [{ tenantId: key.tenantId, ...role }]);
  return { ctx, id: key.id, lastUsedAt: key.lastUsedAt, expiresAt: key.expiresAt };
}

/**
 * Writes last_used_at when it is over LAST_USED_RESOLUTION_MS old, and notes the write on `key`;
 * the guard in SQL keeps concurrent requests (and instances) from rewriting it.
 */
export async function touchApiKeyIfDue(db: Queryable, key: LoadedApiKey, now = Date.now()): Promise<void> {
  if (key.lastUsedAt && now - key.lastUsedAt.getTime() <= LAST_USED_RESOLUTION_MS) return;
  key.lastUsedAt = new Date(now);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiKeys.id, key.id),
        or(isNull(apiKeys.lastUsedAt), sql`${apiKeys.lastUsedAt} < now() - ${LAST_USED_RESOLUTION_MS} * interval '1 millisecond'`),
      ),
    );
}

/** The context of a live API key, or null, straight from the database (the cache is api-key-cache.ts). */
export async function contextForApiKey(db: Queryable, secret: string): Promise<AuthContext | null> {
  const key = await loadApiKey(db, hashApiKeySecret(secret));
  if (!key) return null;
  await touchApiKeyIfDue(db, key);
  return key.ctx;
}

/**
 * The context of an actor named as audit and jobs store it (`user:<uuid>`, `api_key:<uuid>`), or
 * null when it can no longer act (disabled, revoked, expired, deleted). Background work started by
 * a caller runs with what the caller may do now, not what it could when it started.
 */
export async function contextForActor(db: Queryable, actor: string): Promise<AuthContext | null> {
  const [kind, id] = actor.split(':');
  if (!id || !isUuid(id)) return null;
  if (kind === 'user') return contextForUser(db, id);
  if (kind === 'api_key') return (await loadLiveApiKey(db, eq(apiKeys.id, id)))?.ctx ?? null;
  return null;
}

import { and, eq, inArray, isNull } from 'drizzle-orm';
import { permissionsAt, type AuthContext, type PermissionSet } from '@/lib/auth/context';
import { isPermission, type Permission } from '@/lib/auth/permissions';
import type { Queryable } from '@/lib/db/client';
import { rolePermissions, roles, tenants } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';

/** A role as data: what it grants, and whether it is held CPO-wide and sees the station pool. */
export type RoleGrant = { id: string; cpoWide: boolean; seesPool: boolean; permissions: Permission[] };

/** The named roles with their permissions; unknown ids are simply absent. */
export async function loadRoles(db: Queryable, ids: string[]): Promise<Map<string, RoleGrant>> {
  const unique = [...new Set(ids)];
  const map = new Map<string, RoleGrant>();
  if (!unique.length) return map;
  const rows = await db
    .select({ id: roles.id, cpoWide: roles.cpoWide, seesPool: roles.seesPool, permission: rolePermissions.permissionId })
    .from(roles)
    .leftJoin(rolePermissions, eq(rolePermissions.roleId, roles.id))
    .where(inArray(roles.id, unique));
  for (const row of rows) {
    const role = map.get(row.id) ?? { id: row.id, cpoWide: row.cpoWide, seesPool: row.seesPool, permissions: [] };
    if (row.permission && isPermission(row.permission)) role.permissions.push(row.permission);
    map.set(row.id, role);
  }
  return map;
}

const EMPTY: PermissionSet = new Set();

/**
 * No caller can create a key or a user with a permission it lacks itself, or it could widen its
 * own access through them. 403 unless the caller holds everything `role` would grant in
 * `tenantId` (null: CPO-wide) and, for a role that sees the unassigned station pool, on the pool
 * too.
 */
export function assertGrantable(ctx: AuthContext, role: RoleGrant, tenantId: string | null): void {
  const held = tenantId === null ? (ctx.cpoWide ?? EMPTY) : permissionsAt(ctx, tenantId);
  const missing = new Set(role.permissions.filter((p) => !held.has(p)));
  if (role.seesPool) {
    const pool = ctx.cpoWide ?? ctx.pool ?? EMPTY;
    for (const p of role.permissions) if (!pool.has(p)) missing.add(`${p} on the unassigned station pool` as Permission);
  }
  if (missing.size) {
    throw new AppError('forbidden', `The role ${role.id} grants permissions you do not hold: ${[...missing].sort().join(', ')}.`);
  }
}

/** Whether the caller may name this tenant at all (else it is "unknown", like a missing one). */
export const seesTenant = (ctx: AuthContext, tenantId: string) => ctx.cpoWide !== null || ctx.tenants.has(tenantId);

/** Which of the given tenant ids are live tenants. */
export async function liveTenantIds(db: Queryable, ids: string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Set();
  const rows = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(and(inArray(tenants.id, unique), isNull(tenants.deletedAt)));
  return new Set(rows.map((r) => r.id));
}

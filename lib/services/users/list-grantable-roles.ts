import { and, asc, inArray, isNull } from 'drizzle-orm';
import { canCpoWide, requirePermission, tenantsWith, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { roles, tenants } from '@/lib/db/schema';
import type { GrantableRoles, RoleOption } from '@/lib/schemas/user';
import { assertGrantable, loadRoles, type RoleGrant } from './grants';

/**
 * What an invite or key form may offer: the roles the caller could grant under `permission`
 * (`user:manage` for users, `apikey:manage` for keys), per tenant. The same rule as the create
 * verbs (no role with a permission the caller lacks), so the form never offers a sure 403.
 */
export async function listGrantableRoles({
  ctx,
  permission,
}: {
  ctx: AuthContext;
  permission: 'user:manage' | 'apikey:manage';
}): Promise<GrantableRoles> {
  requirePermission(ctx, permission);
  const db = getDb();
  const all = await db.select({ id: roles.id, name: roles.name }).from(roles).orderBy(asc(roles.id));
  const grants = await loadRoles(
    db,
    all.map((r) => r.id),
  );
  const names = new Map(all.map((r) => [r.id, r.name]));
  const grantable = (tenantId: string | null, wanted: (role: RoleGrant) => boolean): RoleOption[] =>
    [...grants.values()]
      .filter(wanted)
      .filter((role) => {
        try {
          assertGrantable(ctx, role, tenantId);
          return true;
        } catch {
          return false;
        }
      })
      .map((role) => ({ id: role.id, name: names.get(role.id) ?? role.id }));

  const managed = tenantsWith(ctx, permission);
  const rows =
    managed !== null && managed.length === 0
      ? []
      : await db
          .select({ id: tenants.id, name: tenants.name })
          .from(tenants)
          .where(and(isNull(tenants.deletedAt), managed === null ? undefined : inArray(tenants.id, managed)))
          .orderBy(asc(tenants.name))
          .limit(1000);
  return {
    tenants: rows.map((t) => ({ ...t, roles: grantable(t.id, (role) => !role.cpoWide) })),
    cpoRoles: canCpoWide(ctx, permission) && ctx.focusTenantId === undefined ? grantable(null, (role) => role.cpoWide) : [],
  };
}

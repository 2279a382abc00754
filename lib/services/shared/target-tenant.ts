import { and, eq, isNull } from 'drizzle-orm';
import { tenantsWith, type AuthContext } from '@/lib/auth/context';
import type { Permission } from '@/lib/auth/permissions';
import type { Queryable } from '@/lib/db/client';
import { tenants } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';

const tenantError = (message: string) =>
  new AppError('validation', 'The request body is invalid.', { errors: [{ path: '/tenant_id', message }] });

/**
 * The tenant a new object goes into. `tenant_id` may be left out only when the caller can
 * create in exactly one tenant; a tenant outside scope is reported like an unknown one (422).
 */
export async function resolveTargetTenant(
  db: Queryable,
  ctx: AuthContext,
  permission: Permission,
  requested: string | undefined,
): Promise<string> {
  const allowed = tenantsWith(ctx, permission);
  let target = requested;
  if (target === undefined) {
    if (allowed?.length !== 1) throw tenantError('is required: the caller has access to more than one tenant');
    target = allowed[0]!;
  }
  if (allowed && !allowed.includes(target)) throw tenantError('unknown tenant');
  // FOR SHARE: a concurrent tenant delete waits for this write, or makes us see the tenant gone.
  const [tenant] = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(and(eq(tenants.id, target), isNull(tenants.deletedAt)))
    .for('share');
  if (!tenant) throw tenantError('unknown tenant');
  return tenant.id;
}

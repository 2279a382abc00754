import { and, eq, isNull } from 'drizzle-orm';
import { visibility, type AuthContext } from '@/lib/auth/context';
import type { Queryable } from '@/lib/db/client';
import { tenants, type TenantRow } from '@/lib/db/schema';
import { notFound } from '@/lib/errors';
import type { Tenant, TenantCreateInput } from '@/lib/schemas/tenant';
import { isUuid } from '@/lib/domain/ids';
import { visibleCondition } from '@/lib/services/shared/scope';

/** Fields a PATCH may echo but never change. */
export const TENANT_READ_ONLY = ['id', 'version', 'created_at', 'updated_at'] as const;

/** The tenants a caller sees: all for CPO-wide callers, else those it holds a role in. */
export function tenantScope(ctx: AuthContext) {
  const vis = visibility(ctx, 'tenant:read');
  // The unassigned station pool is not a tenant: a pool role adds nothing here.
  return visibleCondition(vis.allTenants ? vis : { ...vis, pool: false }, tenants.id);
}

export function toTenant(row: TenantRow): Tenant {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind,
    external_id: row.externalId,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    ...(row.deletedAt ? { deleted_at: row.deletedAt.toISOString() } : {}),
  };
}

/** The writable state of a tenant, as PATCH merges into. */
export function writableTenant({ slug, name, kind, external_id }: Tenant): TenantCreateInput {
  return { slug, name, kind, external_id };
}

export function tenantColumns(input: TenantCreateInput) {
  return { slug: input.slug, name: input.name, kind: input.kind, externalId: input.external_id ?? null };
}

/** The one way to load a live tenant for a caller; outside its scope is a 404 like a missing one. */
export async function getTenantOrThrow(
  db: Queryable,
  ctx: AuthContext,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<TenantRow> {
  if (!isUuid(id)) throw notFound('Tenant');
  const query = db
    .select()
    .from(tenants)
    .where(and(eq(tenants.id, id), isNull(tenants.deletedAt), tenantScope(ctx)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Tenant');
  return row;
}

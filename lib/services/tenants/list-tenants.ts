import { ilike, or } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { tenants, type TenantRow } from '@/lib/db/schema';
import type { Tenant, TenantListQuery } from '@/lib/schemas/tenant';
import type { SortKey } from '@/lib/services/shared/keyset';
import { listPage } from '@/lib/services/shared/list-query';
import { containsPattern } from '@/lib/services/shared/search';
import { tenantScope, toTenant } from './tenant-record';

const SORTS: Record<string, SortKey<TenantRow>> = {
  name: { column: tenants.name, value: (row) => row.name },
  updated_at: { column: tenants.updatedAt, value: (row) => row.updatedAt.toISOString(), timestamp: true, changeOrder: true },
  created_at: { column: tenants.createdAt, value: (row) => row.createdAt.toISOString(), timestamp: true },
};

/** GET /api/v2/tenants: the tenants the caller sees, filtered, keyset-paginated. */
export async function listTenants({ ctx, query }: { ctx: AuthContext; query: TenantListQuery }) {
  const { records, next_cursor } = await listPage({
    ctx,
    permission: 'tenant:read',
    endpoint: 'tenants',
    query,
    scope: tenantScope(ctx),
    sorts: SORTS,
    idColumn: tenants.id,
    changedColumn: tenants.updatedAt,
    deletedColumn: tenants.deletedAt,
    filters: [query.q ? or(ilike(tenants.name, containsPattern(query.q)), ilike(tenants.slug, containsPattern(query.q))) : undefined],
    fetch: ({ where, orderBy, limit }) =>
      getDb()
        .select()
        .from(tenants)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
    rowOf: (row) => row,
  });
  const data: Tenant[] = records.map(toTenant);
  return { data, next_cursor };
}

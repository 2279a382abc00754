import { and, gte, ilike, isNull, lt, or, type SQL } from 'drizzle-orm';
import { requirePermission, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { tenants, type TenantRow } from '@/lib/db/schema';
import type { Tenant, TenantListQuery } from '@/lib/schemas/tenant';
import type { CursorBinding } from '@/lib/services/shared/cursor';
import { keyset, type SortKey } from '@/lib/services/shared/keyset';
import { containsPattern } from '@/lib/services/shared/search';
import { tenantScope, toTenant } from './tenant-record';

const SORTS: Record<string, SortKey<TenantRow>> = {
  name: { column: tenants.name, value: (row) => row.name },
  updated_at: { column: tenants.updatedAt, value: (row) => row.updatedAt.toISOString(), timestamp: true, changeOrder: true },
  created_at: { column: tenants.createdAt, value: (row) => row.createdAt.toISOString(), timestamp: true },
};

/** GET /api/v2/tenants: the tenants the caller sees, filtered, keyset-paginated. */
export async function listTenants({ ctx, query }: { ctx: AuthContext; query: TenantListQuery }) {
  requirePermission(ctx, 'tenant:read');
  const { limit, cursor, sort, ...filters } = query;
  const binding: CursorBinding = { ctx, endpoint: 'tenants', filters: { ...filters, sort } };
  const { after, orderBy, page } = await keyset({ sorts: SORTS, sort, idColumn: tenants.id, cursor, binding });
  const conditions: (SQL | undefined)[] = [
    tenantScope(ctx),
    filters.include_deleted ? undefined : isNull(tenants.deletedAt),
    filters.date_from ? gte(tenants.updatedAt, filters.date_from) : undefined,
    filters.date_to ? lt(tenants.updatedAt, filters.date_to) : undefined,
    filters.q ? or(ilike(tenants.name, containsPattern(filters.q)), ilike(tenants.slug, containsPattern(filters.q))) : undefined,
    after,
  ];
  const records = await getDb()
    .select()
    .from(tenants)
    .where(and(...conditions))
    .orderBy(...orderBy)
    .limit(limit + 1);
  const { rows, next_cursor } = page(records, limit, (row) => row);
  const data: Tenant[] = rows.map(toTenant);
  return { data, next_cursor };
}

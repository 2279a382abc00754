import { and, gte, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { requirePermission, visibility, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { users, type UserRow } from '@/lib/db/schema';
import type { User, UserListQuery } from '@/lib/schemas/user';
import type { CursorBinding } from '@/lib/services/shared/cursor';
import { keyset, type SortKey } from '@/lib/services/shared/keyset';
import { containsPattern } from '@/lib/services/shared/search';
import { forCaller, loadMemberships, toUser, userScope } from './user-record';

const SORTS: Record<string, SortKey<UserRow>> = {
  name: { column: users.name, value: (row) => row.name },
  email: { column: users.email, value: (row) => row.email },
  updated_at: { column: users.updatedAt, value: (row) => row.updatedAt.toISOString(), timestamp: true, changeOrder: true },
  created_at: { column: users.createdAt, value: (row) => row.createdAt.toISOString(), timestamp: true },
};

/** GET /api/v2/users: the users the caller manages, filtered, keyset-paginated. */
export async function listUsers({ ctx, query }: { ctx: AuthContext; query: UserListQuery }) {
  requirePermission(ctx, 'user:manage');
  const { limit, cursor, sort, ...filters } = query;
  const binding: CursorBinding = { ctx, endpoint: 'users', filters: { ...filters, sort } };
  const { after, orderBy, page } = await keyset({ sorts: SORTS, sort, idColumn: users.id, cursor, binding });
  const conditions: (SQL | undefined)[] = [
    userScope(ctx),
    filters.include_deleted ? undefined : isNull(users.deletedAt),
    filters.tenant ? memberOf(ctx, filters.tenant) : undefined,
    filters.date_from ? gte(users.updatedAt, filters.date_from) : undefined,
    filters.date_to ? lt(users.updatedAt, filters.date_to) : undefined,
    filters.q ? or(ilike(users.name, containsPattern(filters.q)), ilike(users.email, containsPattern(filters.q))) : undefined,
    after,
  ];
  const records = await getDb()
    .select()
    .from(users)
    .where(and(...conditions))
    .orderBy(...orderBy)
    .limit(limit + 1);
  const { rows, next_cursor } = page(records, limit, (row) => row);
  const held = await loadMemberships(
    getDb(),
    rows.map((row) => row.id),
  );
  const data: User[] = rows.map((row) => forCaller(ctx, toUser({ row, memberships: held.get(row.id)! })));
  return { data, next_cursor };
}

/** Members of `tenantId`; a tenant the caller does not see matches nothing, so it learns nothing. */
function memberOf(ctx: AuthContext, tenantId: string): SQL {
  const vis = visibility(ctx, 'tenant:read');
  if (!vis.allTenants && !vis.tenantIds.includes(tenantId)) return sql`false`;
  return sql`exists (select 1 from memberships m where m.user_id = "users"."id" and m.tenant_id = ${tenantId})`;
}

import { ilike, or, sql, type SQL } from 'drizzle-orm';
import { visibility, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { users, type UserRow } from '@/lib/db/schema';
import type { User, UserListQuery } from '@/lib/schemas/user';
import type { SortKey } from '@/lib/services/shared/keyset';
import { listPage } from '@/lib/services/shared/list-query';
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
  const { records, next_cursor } = await listPage({
    ctx,
    permission: 'user:manage',
    endpoint: 'users',
    query,
    scope: userScope(ctx),
    sorts: SORTS,
    idColumn: users.id,
    changedColumn: users.updatedAt,
    deletedColumn: users.deletedAt,
    filters: [
      query.tenant ? memberOf(ctx, query.tenant) : undefined,
      query.q ? or(ilike(users.name, containsPattern(query.q)), ilike(users.email, containsPattern(query.q))) : undefined,
    ],
    fetch: ({ where, orderBy, limit }) =>
      getDb()
        .select()
        .from(users)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
    rowOf: (row) => row,
  });
  const held = await loadMemberships(
    getDb(),
    records.map((row) => row.id),
  );
  const data: User[] = records.map((row) => forCaller(ctx, toUser({ row, memberships: held.get(row.id)! })));
  return { data, next_cursor };
}

/** Members of `tenantId`; a tenant the caller does not see matches nothing, so it learns nothing. */
function memberOf(ctx: AuthContext, tenantId: string): SQL {
  const vis = visibility(ctx, 'tenant:read');
  if (!vis.allTenants && !vis.tenantIds.includes(tenantId)) return sql`false`;
  return sql`exists (select 1 from memberships m where m.user_id = "users"."id" and m.tenant_id = ${tenantId})`;
}

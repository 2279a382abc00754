import { eq, ilike, isNotNull, isNull, or } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { apiKeys, type ApiKeyRow } from '@/lib/db/schema';
import type { ApiKey, ApiKeyListQuery } from '@/lib/schemas/api-key';
import type { SortKey } from '@/lib/services/shared/keyset';
import { listPage } from '@/lib/services/shared/list-query';
import { containsPattern } from '@/lib/services/shared/search';
import { apiKeyScope, toApiKey } from './api-key-record';

const SORTS: Record<string, SortKey<ApiKeyRow>> = {
  name: { column: apiKeys.name, value: (row) => row.name },
  updated_at: { column: apiKeys.updatedAt, value: (row) => row.updatedAt.toISOString(), timestamp: true, changeOrder: true },
  created_at: { column: apiKeys.createdAt, value: (row) => row.createdAt.toISOString(), timestamp: true },
};

/** GET /api/v2/api-keys: the keys the caller manages, revoked ones included, keyset-paginated. */
export async function listApiKeys({ ctx, query }: { ctx: AuthContext; query: ApiKeyListQuery }) {
  const { records, next_cursor } = await listPage({
    ctx,
    permission: 'apikey:manage',
    endpoint: 'api-keys',
    query,
    scope: apiKeyScope(ctx),
    sorts: SORTS,
    idColumn: apiKeys.id,
    changedColumn: apiKeys.updatedAt,
    // Deleted keys (of a deleted tenant) are never listed: the list has no include_deleted.
    deletedColumn: apiKeys.deletedAt,
    filters: [
      query.tenant ? eq(apiKeys.tenantId, query.tenant) : undefined,
      query.revoked === undefined ? undefined : query.revoked ? isNotNull(apiKeys.revokedAt) : isNull(apiKeys.revokedAt),
      query.q ? or(ilike(apiKeys.name, containsPattern(query.q)), ilike(apiKeys.prefix, containsPattern(query.q))) : undefined,
    ],
    fetch: ({ where, orderBy, limit }) =>
      getDb()
        .select()
        .from(apiKeys)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
    rowOf: (row) => row,
  });
  const data: ApiKey[] = records.map(toApiKey);
  return { data, next_cursor };
}

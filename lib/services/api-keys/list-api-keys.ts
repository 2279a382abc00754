import { and, eq, gte, ilike, isNotNull, isNull, lt, or, type SQL } from 'drizzle-orm';
import { requirePermission, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { apiKeys, type ApiKeyRow } from '@/lib/db/schema';
import type { ApiKey, ApiKeyListQuery } from '@/lib/schemas/api-key';
import type { CursorBinding } from '@/lib/services/shared/cursor';
import { keyset, type SortKey } from '@/lib/services/shared/keyset';
import { containsPattern } from '@/lib/services/shared/search';
import { apiKeyScope, toApiKey } from './api-key-record';

const SORTS: Record<string, SortKey<ApiKeyRow>> = {
  name: { column: apiKeys.name, value: (row) => row.name },
  updated_at: { column: apiKeys.updatedAt, value: (row) => row.updatedAt.toISOString(), timestamp: true, changeOrder: true },
  created_at: { column: apiKeys.createdAt, value: (row) => row.createdAt.toISOString(), timestamp: true },
};

/** GET /api/v2/api-keys: the keys the caller manages, revoked ones included, keyset-paginated. */
export async function listApiKeys({ ctx, query }: { ctx: AuthContext; query: ApiKeyListQuery }) {
  requirePermission(ctx, 'apikey:manage');
  const { limit, cursor, sort, ...filters } = query;
  const binding: CursorBinding = { ctx, endpoint: 'api-keys', filters: { ...filters, sort } };
  const { after, orderBy, page } = await keyset({ sorts: SORTS, sort, idColumn: apiKeys.id, cursor, binding });
  const conditions: (SQL | undefined)[] = [
    apiKeyScope(ctx),
    isNull(apiKeys.deletedAt),
    filters.tenant ? eq(apiKeys.tenantId, filters.tenant) : undefined,
    filters.revoked === undefined ? undefined : filters.revoked ? isNotNull(apiKeys.revokedAt) : isNull(apiKeys.revokedAt),
    filters.date_from ? gte(apiKeys.updatedAt, filters.date_from) : undefined,
    filters.date_to ? lt(apiKeys.updatedAt, filters.date_to) : undefined,
    filters.q ? or(ilike(apiKeys.name, containsPattern(filters.q)), ilike(apiKeys.prefix, containsPattern(filters.q))) : undefined,
    after,
  ];
  const records = await getDb()
    .select()
    .from(apiKeys)
    .where(and(...conditions))
    .orderBy(...orderBy)
    .limit(limit + 1);
  const { rows, next_cursor } = page(records, limit, (row) => row);
  const data: ApiKey[] = rows.map(toApiKey);
  return { data, next_cursor };
}

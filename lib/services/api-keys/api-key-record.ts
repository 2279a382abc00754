import { and, eq, isNull } from 'drizzle-orm';
import { canCpoWide, can, tenantsWith, type AuthContext } from '@/lib/auth/context';
import type { Queryable } from '@/lib/db/client';
import { apiKeys, type ApiKeyRow } from '@/lib/db/schema';
import { notFound } from '@/lib/errors';
import type { ApiKey } from '@/lib/schemas/api-key';
import { visibleCondition } from '@/lib/services/shared/scope';
import { isUuid } from '@/lib/domain/ids';

/**
 * The keys a caller sees: all with CPO-wide apikey:manage, else the keys of tenants where it holds
 * apikey:manage (CPO-wide keys have no tenant and stay hidden).
 */
export function apiKeyScope(ctx: AuthContext) {
  const managed = tenantsWith(ctx, 'apikey:manage');
  return visibleCondition(
    managed === null ? { allTenants: true } : { allTenants: false, tenantIds: managed, pool: false },
    apiKeys.tenantId,
  );
}

/** Whether the caller may manage a key of `tenantId` (null: a CPO-wide key, CPO-wide callers only). */
export const canManageKey = (ctx: AuthContext, tenantId: string | null) =>
  tenantId === null ? canCpoWide(ctx, 'apikey:manage') : can(ctx, 'apikey:manage', tenantId);

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** The API representation: never the secret or its hash. */
export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    name: row.name,
    role: row.roleId,
    tenant_id: row.tenantId,
    prefix: row.prefix,
    expires_at: iso(row.expiresAt),
    last_used_at: iso(row.lastUsedAt),
    revoked_at: iso(row.revokedAt),
    created_by: row.createdBy,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

/** The one way to load a key for a caller; outside its scope is a 404 like a missing one. */
export async function getApiKeyOrThrow(
  db: Queryable,
  ctx: AuthContext,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ApiKeyRow> {
  if (!isUuid(id)) throw notFound('API key');
  const query = db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.deletedAt), apiKeyScope(ctx)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('API key');
  return row;
}

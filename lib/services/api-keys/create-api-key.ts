import { actorRef, requireCpoWide, requirePermission, type AuthContext } from '@/lib/auth/context';
import { apiKeyPrefix, generateApiKeySecret, hashApiKeySecret } from '@/lib/auth/api-key-secret';
import { getDb, type Queryable } from '@/lib/db/client';
import { apiKeys } from '@/lib/db/schema';
import { AppError, type FieldError } from '@/lib/errors';
import type { ApiKeyCreated, ApiKeyCreateInput } from '@/lib/schemas/api-key';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { assertGrantable, liveTenantIds, loadRoles, seesTenant, type RoleGrant } from '@/lib/services/users/grants';
import { toApiKey } from './api-key-record';

const invalid = (errors: FieldError[]) => new AppError('validation', 'The request body is invalid.', { errors });

/**
 * POST /api/v2/api-keys: a key acting with `role` in one tenant (or CPO-wide for a CPO-wide
 * role). The secret is generated here and returned once as `key`; only its hash is stored.
 */
export async function createApiKey({ ctx, input }: { ctx: AuthContext; input: ApiKeyCreateInput }): Promise<ApiKeyCreated> {
  requirePermission(ctx, 'apikey:manage');
  const db = getDb();
  const tenantId = input.tenant_id ?? null;
  const role = await checkRoleAndTenant(db, ctx, input.role, tenantId);
  if (tenantId === null) requireCpoWide(ctx, 'apikey:manage');
  else requirePermission(ctx, 'apikey:manage', tenantId);
  assertGrantable(ctx, role, tenantId);

  const secret = generateApiKeySecret();
  return writeTransaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: input.name,
        prefix: apiKeyPrefix(secret),
        secretHash: hashApiKeySecret(secret),
        roleId: role.id,
        tenantId,
        createdBy: actorRef(ctx.actor),
        expiresAt: input.expires_at ? new Date(input.expires_at) : null,
      })
      .returning();
    const created = toApiKey(row!);
    await recordAudit(tx, ctx, { action: 'api_key.created', entity: 'api_key', entityId: created.id, tenantId, after: created });
    return { ...created, key: secret };
  });
}

/** 422 for an unknown role, a tenant the caller cannot name, or a tenant that does not fit the role. */
async function checkRoleAndTenant(db: Queryable, ctx: AuthContext, roleId: string, tenantId: string | null): Promise<RoleGrant> {
  const role = (await loadRoles(db, [roleId])).get(roleId);
  const errors: FieldError[] = [];
  if (!role) errors.push({ path: '/role', message: 'unknown role' });
  if (role?.cpoWide && tenantId !== null) errors.push({ path: '/tenant_id', message: 'must be null for a CPO-wide role' });
  if (role && !role.cpoWide && tenantId === null) errors.push({ path: '/tenant_id', message: 'is required for a role held per tenant' });
  if (tenantId !== null && (!seesTenant(ctx, tenantId) || !(await liveTenantIds(db, [tenantId])).has(tenantId))) {
    errors.push({ path: '/tenant_id', message: 'unknown tenant' });
  }
  if (errors.length) throw invalid(errors);
  return role!;
}

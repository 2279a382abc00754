import { requireCpoWide, type AuthContext } from '@/lib/auth/context';
import type { Tx } from '@/lib/db/client';
import { tenants } from '@/lib/db/schema';
import { tenantCreateSchema, type Tenant } from '@/lib/schemas/tenant';
import { versionedUpdate } from '@/lib/services/shared/versioned-update';
import { getTenantOrThrow, TENANT_READ_ONLY, tenantColumns, toTenant, writableTenant } from './tenant-record';
import { asSlugClash, assertSlugFree } from './tenant-writes';

type UpdateTenantArgs = {
  ctx: AuthContext;
  id: string;
  /** The parsed JSON merge patch (RFC 7396). */
  body: Record<string, unknown>;
  /** From If-Match; a different current version answers 412 and changes nothing. */
  expectedVersion?: number;
};

/** PATCH /api/v2/tenants/{id}. */
export function updateTenant({ ctx, id, body, expectedVersion }: UpdateTenantArgs): Promise<Tenant> {
  return versionedUpdate({
    ctx,
    id,
    body,
    mode: 'merge',
    expectedVersion,
    noun: 'tenant',
    lock: async (tx: Tx) => ({ current: toTenant(await getTenantOrThrow(tx, ctx, id, { forUpdate: true })) }),
    authorize: () => requireCpoWide(ctx, 'tenant:manage'),
    readOnly: TENANT_READ_ONLY,
    writable: writableTenant,
    schema: tenantCreateSchema,
    unique: {
      assertFree: ({ tx, input }) => assertSlugFree(tx, input.slug, id),
      asClash: (error, { input }) => asSlugClash(error, { slug: input.slug, selfId: id }),
    },
    table: tenants,
    columns: ({ input }) => tenantColumns(input),
    finish: async (_, row) => toTenant(row),
    audit: { action: 'tenant.updated', entity: 'tenant', tenantId: () => id },
  });
}

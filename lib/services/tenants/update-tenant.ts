import { eq, sql } from 'drizzle-orm';
import { requireCpoWide, type AuthContext } from '@/lib/auth/context';
import { tenants } from '@/lib/db/schema';
import { parseOrThrow } from '@/lib/schemas/parse';
import { tenantCreateSchema, type Tenant } from '@/lib/schemas/tenant';
import { recordAudit } from '@/lib/services/shared/audit';
import { changedAt, writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { applyMergePatch, stripReadOnly } from '@/lib/services/shared/merge-patch';
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
export async function updateTenant({ ctx, id, body, expectedVersion }: UpdateTenantArgs): Promise<Tenant> {
  let clash: { slug: string; selfId: string } | undefined;
  return writeTransaction(async (tx) => {
    const current = toTenant(await getTenantOrThrow(tx, ctx, id, { forUpdate: true }));
    requireCpoWide(ctx, 'tenant:manage');
    assertVersion('tenant', current.version, expectedVersion);
    const changes = stripReadOnly(body, current, TENANT_READ_ONLY);
    const input = parseOrThrow(tenantCreateSchema, applyMergePatch(writableTenant(current), changes));
    clash = { slug: input.slug, selfId: id };
    await assertSlugFree(tx, input.slug, id);
    const [row] = await tx
      .update(tenants)
      .set({ ...tenantColumns(input), version: sql`${tenants.version} + 1`, updatedAt: changedAt })
      .where(eq(tenants.id, id))
      .returning();
    const updated = toTenant(row!);
    await recordAudit(tx, ctx, { action: 'tenant.updated', entity: 'tenant', entityId: id, tenantId: id, before: current, after: updated });
    return updated;
  }).catch(async (error) => {
    throw await asSlugClash(error, clash);
  });
}

import { requireCpoWide, type AuthContext } from '@/lib/auth/context';
import { tenants } from '@/lib/db/schema';
import type { Tenant, TenantCreateInput } from '@/lib/schemas/tenant';
import { recordAudit } from '@/lib/services/shared/audit';
import { tenantColumns, toTenant } from './tenant-record';
import { asSlugClash, assertSlugFree } from './tenant-writes';
import { writeTransaction } from '@/lib/services/shared/change-order';

/** POST /api/v2/tenants: a new CPO customer (CPO-wide tenant:manage only). */
export async function createTenant({ ctx, input }: { ctx: AuthContext; input: TenantCreateInput }): Promise<Tenant> {
  requireCpoWide(ctx, 'tenant:manage');
  return writeTransaction(async (tx) => {
    await assertSlugFree(tx, input.slug);
    const [row] = await tx.insert(tenants).values(tenantColumns(input)).returning();
    const created = toTenant(row!);
    await recordAudit(tx, ctx, { action: 'tenant.created', entity: 'tenant', entityId: created.id, tenantId: created.id, after: created });
    return created;
  }).catch(async (error) => {
    throw await asSlugClash(error, { slug: input.slug });
  });
}

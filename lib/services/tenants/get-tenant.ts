import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import type { Tenant } from '@/lib/schemas/tenant';
import { getTenantOrThrow, toTenant } from './tenant-record';

/** GET /api/v2/tenants/{id}: 404 when missing, deleted or not one of the caller's tenants. */
export async function getTenant({ ctx, id }: { ctx: AuthContext; id: string }): Promise<Tenant> {
  return toTenant(await getTenantOrThrow(getDb(), ctx, id));
}

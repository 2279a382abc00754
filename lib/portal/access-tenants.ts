import { unfocused, type AuthContext } from '@/lib/auth/context';
import { tenantListQuerySchema } from '@/lib/schemas/tenant';
import { listTenants } from '@/lib/services/tenants';

/**
 * Names of the tenants the caller sees (first 1000 by name), by id, so tables show a name instead
 * of a UUID. Unfocused: a user's membership in another of the caller's tenants still gets a name.
 */
export async function tenantNames(ctx: AuthContext): Promise<Record<string, string>> {
  const page = await listTenants({ ctx: unfocused(ctx), query: tenantListQuerySchema.parse({ limit: '1000', sort: 'name' }) });
  return Object.fromEntries(page.data.map((tenant) => [tenant.id, tenant.name]));
}

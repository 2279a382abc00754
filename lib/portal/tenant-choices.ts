import { unfocused, type AuthContext } from '@/lib/auth/context';
import { tenantListQuerySchema } from '@/lib/schemas/tenant';
import { listTenants } from '@/lib/services/tenants';

export type TenantChoice = { id: string; name: string };

/**
 * The tenants the switcher offers: every tenant the user sees (first 1000 by name). Empty when
 * there is nothing to switch between (one tenant, or none).
 */
export async function tenantChoices(ctx: AuthContext): Promise<TenantChoice[]> {
  const base = unfocused(ctx);
  if (!base.cpoWide && base.tenants.size < 2) return [];
  const page = await listTenants({ ctx: base, query: tenantListQuerySchema.parse({ limit: '1000', sort: 'name' }) });
  return page.data.map((tenant) => ({ id: tenant.id, name: tenant.name }));
}

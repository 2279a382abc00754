import { cache } from 'react';
import { unfocused, type AuthContext } from '@/lib/auth/context';
import { tenantListQuerySchema } from '@/lib/schemas/tenant';
import { listTenants } from '@/lib/services/tenants';

export type TenantChoice = { id: string; name: string };

/**
 * Every tenant the user sees (first 1000 by name), whatever the tenant switcher shows: for the
 * switcher, filters, and names instead of UUIDs. Loaded once per request (the layout and the page
 * share the session's context object).
 */
export const visibleTenants = cache(async (ctx: AuthContext): Promise<TenantChoice[]> => {
  const page = await listTenants({ ctx: unfocused(ctx), query: tenantListQuerySchema.parse({ limit: '1000', sort: 'name' }) });
  return page.data.map((tenant) => ({ id: tenant.id, name: tenant.name }));
});

/** Tenant names by id (ids the user cannot see have no name). */
export async function tenantNames(ctx: AuthContext): Promise<Record<string, string>> {
  return Object.fromEntries((await visibleTenants(ctx)).map((tenant) => [tenant.id, tenant.name]));
}

/** The tenants the switcher offers; empty when there is nothing to switch between (one tenant, or none). */
export async function tenantChoices(ctx: AuthContext): Promise<TenantChoice[]> {
  if (!ctx.cpoWide && ctx.tenants.size < 2) return [];
  return visibleTenants(ctx);
}

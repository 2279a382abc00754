import { unfocused, type AuthContext } from '@/lib/auth/context';
import { tenantListQuerySchema } from '@/lib/schemas/tenant';
import { listTenants } from '@/lib/services/tenants';

export type TenantName = { id: string; name: string };

/**
 * Names of the tenants the caller sees (first 1000 by name, whatever the tenant switcher
 * shows), to show and choose whom a tariff is offered to.
 */
export async function tenantNames(ctx: AuthContext): Promise<TenantName[]> {
  const page = await listTenants({ ctx: unfocused(ctx), query: tenantListQuerySchema.parse({ limit: '1000', sort: 'name' }) });
  return page.data.map((tenant) => ({ id: tenant.id, name: tenant.name }));
}

/** "Every tenant", or the names of the tenants a tariff is offered to (ids the caller cannot name stay ids). */
export function offeredToLabel(tenantIds: string[], names: TenantName[]): string {
  if (tenantIds.length === 0) return 'Every tenant';
  const byId = new Map(names.map((t) => [t.id, t.name]));
  return tenantIds
    .map((id) => byId.get(id) ?? id)
    .sort((a, b) => a.localeCompare(b))
    .join(', ');
}

import type { TenantChoice } from '@/lib/portal/tenant-choices';

/** "Every tenant", or the names of the tenants a tariff is offered to (ids the caller cannot name stay ids). */
export function offeredToLabel(tenantIds: string[], names: TenantChoice[]): string {
  if (tenantIds.length === 0) return 'Every tenant';
  const byId = new Map(names.map((t) => [t.id, t.name]));
  return tenantIds
    .map((id) => byId.get(id) ?? id)
    .sort((a, b) => a.localeCompare(b))
    .join(', ');
}

import { can, canCpoWide, type AuthContext } from '@/lib/auth/context';
import { tenantChoices } from '@/lib/portal/tenant-choices';

/** The tenant select's value for a CPO-wide subscription (every tenant's events). */
export const CPO_WIDE_WEBHOOK = '';

export type WebhookTenantOptions = { options: { value: string; label: string }[]; selected: string };

/**
 * Whose events a new subscription may receive: the tenants where the caller manages webhooks (only
 * the switcher's tenant when one is chosen), and for CPO-wide callers "All tenants". Empty when the
 * caller manages one tenant only: the API then takes that one.
 */
export async function webhookTenantOptions(ctx: AuthContext): Promise<WebhookTenantOptions> {
  const managed = (await tenantChoices(ctx)).filter((tenant) => can(ctx, 'webhook:manage', tenant.id));
  const tenants = ctx.focusTenantId ? managed.filter((tenant) => tenant.id === ctx.focusTenantId) : managed;
  const cpoWide = canCpoWide(ctx, 'webhook:manage');
  const options = [
    ...(cpoWide ? [{ value: CPO_WIDE_WEBHOOK, label: 'All tenants (CPO-wide)' }] : []),
    ...tenants.map((tenant) => ({ value: tenant.id, label: tenant.name })),
  ];
  if (!cpoWide && options.length < 2) return { options: [], selected: '' };
  return { options, selected: ctx.focusTenantId ?? options[0]?.value ?? CPO_WIDE_WEBHOOK };
}

/** Whether the caller may change a subscription of `tenantId` (null: CPO-wide), as the service checks it. */
export function mayManageWebhook(ctx: AuthContext, tenantId: string | null): boolean {
  return tenantId === null ? canCpoWide(ctx, 'webhook:manage') : can(ctx, 'webhook:manage', tenantId);
}

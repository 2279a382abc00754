import { can, type AuthContext } from '@/lib/auth/context';
import { tenantChoices, type TenantChoice } from '@/lib/portal/tenant-choices';

/**
 * Tenants the location form offers for a new location: those the user may write locations in.
 * With the tenant switcher set, only that tenant (the service accepts no other then). Empty when
 * the user has a single tenant: the API then takes that one.
 */
export async function locationTenantOptions(ctx: AuthContext): Promise<{ choices: TenantChoice[]; selected: string }> {
  const writable = (await tenantChoices(ctx)).filter((tenant) => can(ctx, 'location:write', tenant.id));
  const choices = ctx.focusTenantId ? writable.filter((tenant) => tenant.id === ctx.focusTenantId) : writable;
  return { choices, selected: ctx.focusTenantId ?? choices[0]?.id ?? '' };
}

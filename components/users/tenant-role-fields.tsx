'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { SelectField } from '@/components/forms/fields';
import type { GrantableRoles } from '@/lib/schemas/user';
import { roleOption } from './role-name';

/** Form value of the tenant select for a CPO-wide role (no tenant). */
export const CPO_WIDE = '';

type Props = {
  choices: GrantableRoles;
  /** JSON pointers of the API body the two selects feed (their errors show beside them). */
  tenantPath: string;
  rolePath: string;
};

/**
 * Tenant and role of an invite or a key: only tenants where the caller may grant, and for the
 * chosen tenant only the roles it may grant there. The server checks the same rule again.
 */
export function TenantRoleFields({ choices, tenantPath, rolePath }: Props) {
  const t = useTranslations('Users');
  const tRoles = useTranslations('Roles');
  const tenantOptions = [
    ...choices.tenants.filter((t) => t.roles.length).map((t) => ({ value: t.id, label: t.name })),
    ...(choices.cpoRoles.length ? [{ value: CPO_WIDE, label: tRoles('cpoWide') }] : []),
  ];
  const [tenant, setTenant] = useState(tenantOptions[0]?.value ?? CPO_WIDE);
  const roles = tenant === CPO_WIDE ? choices.cpoRoles : (choices.tenants.find((t) => t.id === tenant)?.roles ?? []);
  return (
    <>
      <SelectField
        name="tenant_id"
        label={t('tenant')}
        path={tenantPath}
        options={tenantOptions}
        value={tenant}
        onChange={(event) => setTenant(event.target.value)}
      />
      <SelectField
        key={tenant}
        name="role"
        label={t('role')}
        path={rolePath}
        options={roles.map((r) => ({ value: r.id, label: roleOption(tRoles, r) }))}
        defaultValue={roles.find((r) => r.id === 'customer_operator')?.id ?? roles.at(-1)?.id}
      />
    </>
  );
}

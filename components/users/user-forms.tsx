'use client';

import { useId } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/forms/action-form';
import { SelectField, TextField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { VersionFields } from '@/components/forms/version-fields';
import type { FormAction } from '@/lib/actions/define-action';
import type { RoleOption, User } from '@/lib/schemas/user';
import { NewPasswordField } from './new-password-field';
import { roleName, roleOption } from './role-name';

const FORM = 'max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4';

/** Name, e-mail, sign-in enabled and an optional new password, saved against the version shown. */
export function ProfileForm({ action, user }: { action: FormAction; user: User }) {
  const t = useTranslations('Users');
  const tCommon = useTranslations('Common');
  const disabledId = useId();
  return (
    <ActionForm action={action} label={t('profile')} className={FORM}>
      <h2 className="text-lg font-medium">{t('profileHeading')}</h2>
      <VersionFields target={user} />
      <TextField name="name" label={t('name')} defaultValue={user.name} required maxLength={255} />
      <TextField name="email" label={t('email')} type="email" defaultValue={user.email} required maxLength={254} />
      <div className="flex items-center gap-2">
        <input id={disabledId} type="checkbox" name="disabled" defaultChecked={user.disabled} />
        <label htmlFor={disabledId} className="text-sm">
          {t('disabledLabel')}
        </label>
      </div>
      <NewPasswordField label={t('newPassword')} hint={t('newPasswordHint')} />
      <SubmitButton pendingLabel={tCommon('saving')}>{t('saveProfile')}</SubmitButton>
    </ActionForm>
  );
}

export type AccessRow = { tenantId: string; tenantName: string; role: string; options: RoleOption[] | null };

/**
 * Roles per tenant: a select per membership in a tenant the caller manages ("No access" removes
 * it), read-only text elsewhere, and one optional new membership.
 */
export function AccessForm({
  action,
  user,
  rows,
  addable,
}: {
  action: FormAction;
  user: User;
  rows: AccessRow[];
  addable: { id: string; name: string; roles: RoleOption[] }[];
}) {
  const t = useTranslations('Users');
  const tRoles = useTranslations('Roles');
  const tCommon = useTranslations('Common');
  const roleLabel = (r: RoleOption) => roleOption(tRoles, r);
  const addRoles = [...new Map(addable.flatMap((t) => t.roles).map((r) => [r.id, r])).values()];
  return (
    <ActionForm action={action} label={t('rolesPerTenant')} className={FORM}>
      <h2 className="text-lg font-medium">{t('rolesPerTenant')}</h2>
      <VersionFields target={user} />
      {rows.length === 0 && <p className="text-sm text-slate-600">{t('noMemberships')}</p>}
      {rows.map((row) =>
        row.options ? (
          <SelectField
            key={row.tenantId}
            name={`role:${row.tenantId}`}
            label={row.tenantName}
            defaultValue={row.role}
            options={[
              ...(row.options.some((o) => o.id === row.role) ? [] : [{ value: row.role, label: roleName(tRoles, row.role) }]),
              ...row.options.map((o) => ({ value: o.id, label: roleLabel(o) })),
              { value: '', label: t('noAccess') },
            ]}
          />
        ) : (
          <p key={row.tenantId} className="text-sm">
            {t('membership', { tenant: row.tenantName, role: roleName(tRoles, row.role) })}{' '}
            <span className="text-slate-500">{t('notManaged')}</span>
          </p>
        ),
      )}
      {addable.length > 0 && (
        <fieldset className="space-y-2 border-t border-slate-200 pt-3">
          <legend className="text-sm font-medium">{t('addToTenant')}</legend>
          <SelectField
            name="add_tenant"
            label={t('tenant')}
            options={[{ value: '', label: t('noTenant') }, ...addable.map((t) => ({ value: t.id, label: t.name }))]}
            defaultValue=""
          />
          <SelectField name="add_role" label={t('role')} options={addRoles.map((r) => ({ value: r.id, label: roleLabel(r) }))} />
        </fieldset>
      )}
      <SubmitButton pendingLabel={tCommon('saving')}>{t('saveRoles')}</SubmitButton>
    </ActionForm>
  );
}

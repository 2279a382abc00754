'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { OneTimeSecret } from '@/components/api-keys/one-time-secret';
import { ActionForm } from '@/components/forms/action-form';
import { TextField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormAction } from '@/lib/actions/define-action';
import type { GrantableRoles } from '@/lib/schemas/user';
import { NewPasswordField } from './new-password-field';
import { TenantRoleFields } from './tenant-role-fields';

/** An invite: the user is created with the password typed here or a generated one, shown once. No e-mail is sent. */
export function InviteForm({ action, choices }: { action: FormAction; choices: GrantableRoles }) {
  const t = useTranslations('Users');
  return (
    <ActionForm
      action={action}
      label={t('inviteLabel')}
      className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSuccess={(state) => (
        <div className="space-y-2">
          {state.data?.initial_password ? (
            <OneTimeSecret
              label={t('initialPasswordOf', { email: state.data.email ?? '' })}
              value={state.data.initial_password}
              note={t('initialPasswordNote')}
            />
          ) : null}
          {state.data?.id && (
            <p className="text-sm">
              <Link href={`/users/${state.data.id}`} className="text-brand-700 underline">
                {t('openNewUser')}
              </Link>
            </p>
          )}
        </div>
      )}
    >
      <TextField name="name" label={t('name')} required autoComplete="off" maxLength={255} />
      <TextField name="email" label={t('email')} type="email" required autoComplete="off" maxLength={254} />
      <TenantRoleFields choices={choices} tenantPath="/memberships/0/tenant_id" rolePath="/memberships/0/role" />
      <NewPasswordField label={t('initialPassword')} hint={t('initialPasswordHint')} />
      <SubmitButton pendingLabel={t('inviting')}>{t('invite')}</SubmitButton>
    </ActionForm>
  );
}

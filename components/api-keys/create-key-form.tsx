'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/forms/action-form';
import { TextField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { TenantRoleFields } from '@/components/users/tenant-role-fields';
import type { FormAction } from '@/lib/actions/define-action';
import type { GrantableRoles } from '@/lib/schemas/user';
import { OneTimeSecret } from './one-time-secret';

/** Name, tenant, role and expiry of a new key; on success the secret, shown this once. */
export function CreateKeyForm({ action, choices }: { action: FormAction; choices: GrantableRoles }) {
  const t = useTranslations('ApiKeys');
  const tForms = useTranslations('Forms');
  return (
    <ActionForm
      action={action}
      label={t('create')}
      className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSuccess={(state) =>
        state.data?.key ? (
          <div>
            <OneTimeSecret label={t('secretOf', { name: String(state.data.name) })} value={state.data.key} note={t('secretNote')} />
            <p className="mt-2 text-sm">
              <Link href="/api-keys" className="text-brand-700 underline">
                {t('backToKeys')}
              </Link>
            </p>
          </div>
        ) : null
      }
    >
      <TextField name="name" label={t('name')} hint={t('nameHint')} required maxLength={255} />
      <TenantRoleFields choices={choices} tenantPath="/tenant_id" rolePath="/role" />
      <TextField name="expires_at" label={t('expiresOn')} type="date" hint={t('expiresHint')} />
      <SubmitButton pendingLabel={tForms('creating')}>{t('createKey')}</SubmitButton>
    </ActionForm>
  );
}

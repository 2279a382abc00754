'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { OneTimeSecret } from '@/components/api-keys/one-time-secret';
import { ActionForm } from '@/components/forms/action-form';
import { SelectField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormAction } from '@/lib/actions/define-action';
import type { WebhookTenantOptions } from '@/lib/portal/webhooks';
import { WebhookFields } from './webhook-fields';

/** A new subscription; on success its signing secret, shown this once. */
export function CreateWebhookForm({ action, tenants }: { action: FormAction; tenants: WebhookTenantOptions }) {
  const t = useTranslations('Webhooks');
  const tForms = useTranslations('Forms');
  return (
    <ActionForm
      action={action}
      label={t('new')}
      className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      onSuccess={(state) =>
        state.data?.secret ? (
          <div>
            <OneTimeSecret label={t('secretOf', { url: state.data.url ?? '' })} value={state.data.secret} note={t('secretNote')} />
            <p className="mt-2 flex flex-wrap gap-4 text-sm">
              <Link href={`/webhooks/${state.data.id}`} className="text-brand-700 underline">
                {t('openWebhook')}
              </Link>
              <Link href="/webhooks" className="text-brand-700 underline">
                {t('backToWebhooks')}
              </Link>
            </p>
          </div>
        ) : null
      }
    >
      {tenants.options.length > 0 && (
        <SelectField
          name="tenant_id"
          label={t('eventsOf')}
          options={tenants.options}
          defaultValue={tenants.selected}
          hint={t('eventsOfHint')}
        />
      )}
      <WebhookFields />
      <SubmitButton pendingLabel={tForms('creating')}>{t('createWebhook')}</SubmitButton>
    </ActionForm>
  );
}

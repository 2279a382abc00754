'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { VersionFields } from '@/components/forms/version-fields';
import type { FormAction } from '@/lib/actions/define-action';
import type { Webhook } from '@/lib/schemas/webhook';
import { WebhookFields } from './webhook-fields';

/** URL, events and description of a subscription, saved against the version shown. */
export function EditWebhookForm({ action, webhook }: { action: FormAction; webhook: Webhook }) {
  const t = useTranslations('Webhooks');
  return (
    <ActionForm action={action} label={t('edit')} className="max-w-2xl space-y-4">
      <VersionFields target={webhook} />
      <WebhookFields webhook={webhook} />
      <SubmitButton pendingLabel={t('saving')}>{t('save')}</SubmitButton>
    </ActionForm>
  );
}

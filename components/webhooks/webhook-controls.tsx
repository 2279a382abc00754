'use client';

import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { VersionFields } from '@/components/forms/version-fields';
import type { FormAction } from '@/lib/actions/define-action';
import type { Webhook } from '@/lib/schemas/webhook';

/** Queues a `webhook.test` delivery; the log below shows how it went. */
export function SendTestForm({ webhook, action }: { webhook: Webhook; action: FormAction }) {
  const t = useTranslations('Webhooks');
  return (
    <ActionForm action={action} label={t('sendTest')}>
      <input type="hidden" name="id" value={webhook.id} />
      <SubmitButton pendingLabel={t('sending')}>{t('sendTest')}</SubmitButton>
    </ActionForm>
  );
}

/** The enable / disable switch beside the subscription's status. */
export function EnabledToggle({ webhook, action }: { webhook: Webhook; action: FormAction }) {
  const t = useTranslations('Webhooks');
  return (
    <ActionForm
      action={action}
      label={webhook.enabled ? t('disableWebhook') : t('enableWebhook')}
      className="flex flex-wrap items-baseline gap-x-3"
    >
      <VersionFields target={webhook} />
      <input type="hidden" name="enabled" value={String(!webhook.enabled)} />
      <SubmitButton variant="secondary" pendingLabel={t('saving')} className="!px-2 !py-1 text-sm">
        {webhook.enabled ? t('disable') : t('enable')}
      </SubmitButton>
    </ActionForm>
  );
}

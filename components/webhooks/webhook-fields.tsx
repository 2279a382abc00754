'use client';

import { useTranslations } from 'next-intl';
import { CheckboxGroup, TextAreaField, TextField } from '@/components/forms/fields';
import { WEBHOOK_EVENT_TYPES } from '@/lib/domain/vocabulary';
import type { Webhook } from '@/lib/schemas/webhook';

/** URL, events and description of a subscription (the create and the edit form). */
export function WebhookFields({ webhook }: { webhook?: Webhook }) {
  const t = useTranslations('Webhooks');
  const eventOptions = WEBHOOK_EVENT_TYPES.map((type) => ({
    value: type,
    label: t('eventOption', { words: t(`eventTypes.${type}`), type }),
  }));
  return (
    <>
      <TextField
        name="url"
        label={t('url')}
        type="url"
        inputMode="url"
        defaultValue={webhook?.url}
        placeholder="https://crm.example.com/hooks/charging"
        hint={t('urlHint')}
        required
        maxLength={2048}
      />
      <CheckboxGroup name="events" label={t('events')} options={eventOptions} checked={webhook?.events ?? []} hint={t('atLeastOne')} />
      <TextAreaField
        name="description"
        label={t('descriptionOptional')}
        defaultValue={webhook?.description ?? ''}
        maxLength={500}
        rows={2}
      />
    </>
  );
}

'use client';

import { CheckboxGroup, TextAreaField, TextField } from '@/components/forms/fields';
import { WEBHOOK_EVENT_TYPES } from '@/lib/domain/vocabulary';
import type { Webhook } from '@/lib/schemas/webhook';

const EVENT_OPTIONS = WEBHOOK_EVENT_TYPES.map((type) => ({ value: type, label: type }));

/** URL, events and description of a subscription (the create and the edit form). */
export function WebhookFields({ webhook }: { webhook?: Webhook }) {
  return (
    <>
      <TextField
        name="url"
        label="URL"
        type="url"
        inputMode="url"
        defaultValue={webhook?.url}
        placeholder="https://crm.example.com/hooks/charging"
        hint="Events are POSTed here (https, or http), signed per the Standard Webhooks specification."
        required
        maxLength={2048}
      />
      <CheckboxGroup name="events" label="Events" options={EVENT_OPTIONS} checked={webhook?.events ?? []} hint="At least one." />
      <TextAreaField name="description" label="Description (optional)" defaultValue={webhook?.description ?? ''} maxLength={500} rows={2} />
    </>
  );
}

'use client';

import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { VersionFields } from '@/components/forms/version-fields';
import type { FormAction } from '@/lib/actions/define-action';
import type { Webhook } from '@/lib/schemas/webhook';

/** Queues a `webhook.test` delivery; the log below shows how it went. */
export function SendTestForm({ webhook, action }: { webhook: Webhook; action: FormAction }) {
  return (
    <ActionForm action={action} label="Send test event">
      <input type="hidden" name="id" value={webhook.id} />
      <SubmitButton pendingLabel="Sending…">Send test event</SubmitButton>
    </ActionForm>
  );
}

/** The enable / disable switch beside the subscription's status. */
export function EnabledToggle({ webhook, action }: { webhook: Webhook; action: FormAction }) {
  return (
    <ActionForm
      action={action}
      label={webhook.enabled ? 'Disable webhook' : 'Enable webhook'}
      className="flex flex-wrap items-baseline gap-x-3"
    >
      <VersionFields target={webhook} />
      <input type="hidden" name="enabled" value={String(!webhook.enabled)} />
      <SubmitButton variant="secondary" pendingLabel="Saving…" className="!px-2 !py-1 text-sm">
        {webhook.enabled ? 'Disable' : 'Enable'}
      </SubmitButton>
    </ActionForm>
  );
}

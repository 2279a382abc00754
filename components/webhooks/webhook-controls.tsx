'use client';

import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import { VersionFields } from '@/components/forms/version-fields';
import type { FormAction } from '@/lib/actions/define-action';
import type { Webhook } from '@/lib/schemas/webhook';

/** "Send test event" and the enable / disable switch of a subscription. */
export function WebhookControls({ webhook, sendTest, setEnabled }: { webhook: Webhook; sendTest: FormAction; setEnabled: FormAction }) {
  return (
    <div className="flex flex-wrap items-start gap-4">
      <ActionForm action={sendTest} label="Send test event" className="space-y-1">
        <input type="hidden" name="id" value={webhook.id} />
        <SubmitButton pendingLabel="Sending…">Send test event</SubmitButton>
      </ActionForm>
      <ActionForm action={setEnabled} label={webhook.enabled ? 'Disable webhook' : 'Enable webhook'} className="space-y-1">
        <VersionFields target={webhook} />
        <input type="hidden" name="enabled" value={String(!webhook.enabled)} />
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          {webhook.enabled ? 'Disable' : 'Enable'}
        </SubmitButton>
      </ActionForm>
    </div>
  );
}

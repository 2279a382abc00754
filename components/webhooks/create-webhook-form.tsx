'use client';

import Link from 'next/link';
import { OneTimeSecret } from '@/components/api-keys/one-time-secret';
import { ActionForm } from '@/components/forms/action-form';
import { SelectField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormAction } from '@/lib/actions/define-action';
import type { WebhookTenantOptions } from '@/lib/portal/webhooks';
import { WebhookFields } from './webhook-fields';

/** A new subscription; on success its signing secret, shown this once. */
export function CreateWebhookForm({ action, tenants }: { action: FormAction; tenants: WebhookTenantOptions }) {
  return (
    <ActionForm
      action={action}
      label="New webhook"
      className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-4"
      onSuccess={(state) =>
        state.data?.secret ? (
          <div>
            <OneTimeSecret
              label={`Signing secret of ${state.data.url}`}
              value={state.data.secret}
              note="Copy it now and store it with the receiver: it will not be shown again. Verify each delivery’s webhook-signature with it."
            />
            <p className="mt-2 flex flex-wrap gap-4 text-sm">
              <Link href={`/webhooks/${state.data.id}`} className="text-brand-700 underline">
                Open the webhook
              </Link>
              <Link href="/webhooks" className="text-brand-700 underline">
                Back to webhooks
              </Link>
            </p>
          </div>
        ) : null
      }
    >
      {tenants.options.length > 0 && (
        <SelectField
          name="tenant_id"
          label="Events of"
          options={tenants.options}
          defaultValue={tenants.selected}
          hint="A CPO-wide subscription receives the events of every tenant."
        />
      )}
      <WebhookFields />
      <SubmitButton pendingLabel="Creating…">Create webhook</SubmitButton>
    </ActionForm>
  );
}

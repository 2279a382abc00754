'use client';

import Link from 'next/link';
import { ActionForm } from '@/components/forms/action-form';
import { TextField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { TenantRoleFields } from '@/components/users/tenant-role-fields';
import type { FormAction } from '@/lib/actions/define-action';
import type { GrantableRoles } from '@/lib/schemas/user';
import { OneTimeSecret } from './one-time-secret';

/** Name, tenant, role and expiry of a new key; on success the secret, shown this once. */
export function CreateKeyForm({ action, choices }: { action: FormAction; choices: GrantableRoles }) {
  return (
    <ActionForm
      action={action}
      label="Create API key"
      className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      onSuccess={(state) =>
        state.data?.key ? (
          <div>
            <OneTimeSecret
              label={`Secret of “${state.data.name}”`}
              value={state.data.key}
              note="Copy it now and store it safely: it is not shown again. Send it as Authorization: Bearer <secret>."
            />
            <p className="mt-2 text-sm">
              <Link href="/api-keys" className="text-brand-700 underline">
                Back to API keys
              </Link>
            </p>
          </div>
        ) : null
      }
    >
      <TextField name="name" label="Name" hint="Tells keys apart, e.g. the integration that uses it." required maxLength={255} />
      <TenantRoleFields choices={choices} tenantPath="/tenant_id" rolePath="/role" />
      <TextField name="expires_at" label="Expires on (optional)" type="date" hint="At the end of that day (UTC). Empty: never expires." />
      <SubmitButton pendingLabel="Creating…">Create key</SubmitButton>
    </ActionForm>
  );
}

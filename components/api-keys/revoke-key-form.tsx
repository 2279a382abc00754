'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormAction } from '@/lib/actions/define-action';

/** Revoke in two steps: the first button only asks, the second revokes. */
export function RevokeKeyForm({ action, id, version, name }: { action: FormAction; id: string; version: number; name: string }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)} className="rounded border border-red-300 px-2 py-1 text-red-800 hover:bg-red-50">
        Revoke…
      </button>
    );
  }
  return (
    <ActionForm action={action} label={`Revoke ${name}`} className="flex flex-wrap items-center gap-2 whitespace-normal">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <span className="text-sm">Revoke “{name}”? Integrations using it stop working.</span>
      <SubmitButton variant="danger" pendingLabel="Revoking…" className="!px-2 !py-1">
        Yes, revoke
      </SubmitButton>
      <button type="button" onClick={() => setAsking(false)} className="rounded border border-slate-300 px-2 py-1">
        Cancel
      </button>
    </ActionForm>
  );
}

'use client';

import { ConfirmActionForm } from '@/components/forms/confirm-action-form';
import type { FormAction } from '@/lib/actions/define-action';

/** Revoke with confirmation: integrations using the key get 401 from then on. */
export function RevokeKeyForm({ action, id, version, name }: { action: FormAction; id: string; version: number; name: string }) {
  return (
    <ConfirmActionForm
      action={action}
      fields={{ id, version }}
      ask="Revoke…"
      question={`Revoke “${name}”? Integrations using it stop working.`}
      confirm="Yes, revoke"
      pendingLabel="Revoking…"
    />
  );
}

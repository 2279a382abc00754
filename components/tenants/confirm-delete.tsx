'use client';

import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormAction } from '@/lib/actions/define-action';

/**
 * Delete behind a second step: the first button only opens the confirmation. Used by every
 * catalog detail page (tenants, tariffs, hardware templates).
 */
export function ConfirmDelete({ action, id, version, what, consequence }: { action: FormAction; id: string; version: number; what: string; consequence: string }) {
  return (
    <details className="rounded-lg border border-red-200 bg-white p-3">
      <summary className="cursor-pointer font-medium text-red-800">Delete {what}…</summary>
      <ActionForm action={action} label={`Delete ${what}`} className="mt-3 space-y-2">
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="version" value={version} />
        <p className="text-sm text-slate-700">{consequence}</p>
        <SubmitButton variant="danger" pendingLabel="Deleting…">
          Yes, delete {what}
        </SubmitButton>
      </ActionForm>
    </details>
  );
}

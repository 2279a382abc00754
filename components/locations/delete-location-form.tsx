'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormAction } from '@/lib/actions/define-action';

/** Delete with a confirmation step; the API refuses while stations are linked, and the form says so. */
export function DeleteLocationForm({ action, id, version, name }: { action: FormAction; id: string; version: number; name: string }) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button
        type="button"
        onClick={() => setConfirming(true)}
        className="rounded border border-red-300 bg-white px-4 py-2 text-red-800 hover:bg-red-50"
      >
        Delete location
      </button>
    );
  }
  return (
    <ActionForm action={action} label="Delete location" className="space-y-2 rounded-lg border border-red-200 bg-red-50 p-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <p className="text-sm text-red-900">Delete “{name}”? It disappears from lists and the API; the audit log keeps its history.</p>
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="danger" pendingLabel="Deleting…">
          Yes, delete
        </SubmitButton>
        <button type="button" onClick={() => setConfirming(false)} className="rounded border border-slate-300 bg-white px-4 py-2 hover:bg-slate-100">
          Cancel
        </button>
      </div>
    </ActionForm>
  );
}

'use client';

import { ConfirmActionForm } from '@/components/forms/confirm-action-form';
import type { FormAction } from '@/lib/actions/define-action';

/** Delete behind a second step (detail pages of locations, tenants, tariffs, hardware templates). */
export function ConfirmDelete({
  action,
  target,
  what,
  consequence,
}: {
  action: FormAction;
  /** The object and the version shown: a delete of a version changed meanwhile is refused. */
  target: { id: string; version: number };
  what: string;
  consequence: string;
}) {
  return (
    <ConfirmActionForm
      action={action}
      fields={{ id: target.id, version: target.version }}
      ask={`Delete ${what}…`}
      question={`Delete this ${what}? ${consequence}`}
      confirm={`Yes, delete ${what}`}
      pendingLabel="Deleting…"
    />
  );
}

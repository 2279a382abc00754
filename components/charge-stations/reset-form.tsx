'use client';

import { useState } from 'react';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormAction } from '@/lib/actions/define-action';

const QUESTION = {
  SOFT: 'Restart the station’s software now? A charging session is stopped first.',
  HARD: 'Power-cycle the station now? A charging session ends at once.',
} as const;

/** Reset (station:write): choose soft or hard, then confirm; the answer shows once the station gives it. */
export function ResetForm({ action, stationId }: { action: FormAction; stationId: string }) {
  const [type, setType] = useState<'SOFT' | 'HARD'>('SOFT');
  const [asking, setAsking] = useState(false);
  return (
    <ActionForm
      action={action}
      label="Reset the station"
      className="space-y-2"
      onSuccess={(state) => <ResetOutcome status={state.data?.status} />}
    >
      <input type="hidden" name="id" value={stationId} />
      <input type="hidden" name="type" value={type} />
      {/* Nothing here is versioned, so choosing a type does not hold the page's live refresh. */}
      <fieldset className="flex flex-wrap gap-4" data-live-ignore>
        <legend className="mb-1 text-sm font-medium">Reset type</legend>
        {(['SOFT', 'HARD'] as const).map((option) => (
          <label key={option} className="inline-flex items-center gap-2">
            <input
              type="radio"
              name="reset_type_choice"
              value={option}
              checked={type === option}
              onChange={() => {
                setType(option);
                setAsking(false);
              }}
            />
            {option === 'SOFT' ? 'Soft (restart the software)' : 'Hard (power-cycle)'}
          </label>
        ))}
      </fieldset>
      {!asking ? (
        <button
          type="button"
          onClick={() => setAsking(true)}
          className="rounded border border-red-300 bg-white px-3 py-1.5 text-red-800 hover:bg-red-50"
        >
          Reset…
        </button>
      ) : (
        <div
          role="alertdialog"
          aria-label="Confirm reset"
          className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2"
        >
          <p className="font-medium">{QUESTION[type]}</p>
          <SubmitButton variant="danger" pendingLabel="Resetting…">
            Reset now
          </SubmitButton>
          <button type="button" onClick={() => setAsking(false)} className="rounded border border-slate-300 bg-white px-3 py-1.5">
            Cancel
          </button>
        </div>
      )}
    </ActionForm>
  );
}

function ResetOutcome({ status }: { status: string | undefined }) {
  const words =
    status === 'ACCEPTED'
      ? 'The station accepted the reset; it reconnects in a moment.'
      : status === 'QUEUED' || status === 'SENT'
        ? 'Not answered yet: it is sent when the station is connected (see Commands).'
        : `The station answered ${status ?? 'nothing'}; see Commands.`;
  return (
    <p className="text-sm" data-testid="reset-outcome">
      {words}
    </p>
  );
}

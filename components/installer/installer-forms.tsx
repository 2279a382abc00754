'use client';

import { useActionState } from 'react';
import { ActionOutcome } from '@/components/forms/action-form';
import type { FormAction } from '@/lib/actions/define-action';

/** Link one found station to a location chosen from the search results (large touch targets). */
export function LinkForm({
  action,
  stationId,
  locations,
}: {
  action: FormAction;
  stationId: string;
  locations: { id: string; label: string }[];
}) {
  const [state, submit, pending] = useActionState(action, null);
  const selectId = `location-${stationId}`;
  return (
    <form action={submit} className="space-y-2">
      <input type="hidden" name="id" value={stationId} />
      <label htmlFor={selectId} className="block text-sm font-medium">
        Location
      </label>
      <select id={selectId} name="location_id" required className="w-full rounded border border-slate-300 px-3 py-2">
        {locations.map((l) => (
          <option key={l.id} value={l.id}>
            {l.label}
          </option>
        ))}
      </select>
      <button
        type="submit"
        disabled={pending || locations.length === 0}
        className="w-full rounded bg-brand-700 px-4 py-3 text-white disabled:opacity-60"
      >
        {pending ? 'Linking…' : 'Link to this location'}
      </button>
      <ActionOutcome state={state} />
    </form>
  );
}

/** Starts a commissioning run; its steps then show live in the card (the page refreshes every second while it runs). */
export function TestForm({ action, stationId, running }: { action: FormAction; stationId: string; running: boolean }) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className="space-y-2">
      <input type="hidden" name="id" value={stationId} />
      <button
        type="submit"
        disabled={pending || running}
        className="w-full rounded border border-brand-700 px-4 py-3 text-brand-700 disabled:opacity-60"
      >
        {pending ? 'Starting…' : running ? 'Test running…' : 'Run commissioning test'}
      </button>
      <ActionOutcome state={state} />
    </form>
  );
}

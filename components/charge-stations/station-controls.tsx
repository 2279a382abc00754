'use client';

import { useActionState } from 'react';
import { ActionOutcome } from '@/components/forms/action-form';
import type { FormAction } from '@/lib/actions/define-action';


/** Desired availability of the whole station (shown only to holders of station:availability). */
export function AvailabilityForm({ action, id, version, availability }: { action: FormAction; id: string; version: number; availability: string }) {
  const [state, submit, pending] = useActionState(action, null);
  const next = availability === 'OPERATIVE' ? 'INOPERATIVE' : 'OPERATIVE';
  return (
    <form action={submit} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="availability" value={next} />
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-white disabled:opacity-60">
        {pending ? 'Saving…' : next === 'INOPERATIVE' ? 'Set inoperative' : 'Set operative'}
      </button>
      <ActionOutcome state={state} />
    </form>
  );
}

/** Tariff codes of every connector, chosen only from the tariffs offered to the station's tenant. */
export function TariffCodesForm({
  action,
  id,
  version,
  offered,
  current,
}: {
  action: FormAction;
  id: string;
  version: number;
  offered: { id: string; name: string | null }[];
  current: string[];
}) {
  const [state, submit, pending] = useActionState(action, null);
  return (
    <form action={submit} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-sm font-medium">Tariff codes for all connectors</legend>
        {offered.map((tariff) => (
          <label key={tariff.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="tariff_ids[]" value={tariff.id} defaultChecked={current.includes(tariff.id)} />
            {tariff.id}
            {tariff.name ? ` — ${tariff.name}` : ''}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-3 py-1.5 text-white disabled:opacity-60">
        {pending ? 'Saving…' : 'Save tariff codes'}
      </button>
      <ActionOutcome state={state} />
    </form>
  );
}

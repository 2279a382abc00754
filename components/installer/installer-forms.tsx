'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('Installer');
  const [state, submit, pending] = useActionState(action, null);
  const selectId = `location-${stationId}`;
  return (
    <form action={submit} className="space-y-2">
      <input type="hidden" name="id" value={stationId} />
      <label htmlFor={selectId} className="block text-sm font-medium">
        {t('location')}
      </label>
      {/* Nothing versioned: choosing a location need not hold the page's live refresh. */}
      <select id={selectId} name="location_id" required className="w-full rounded border border-slate-300 px-3 py-2" data-live-ignore>
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
        {pending ? t('linking') : t('link')}
      </button>
      <ActionOutcome state={state} />
    </form>
  );
}

/**
 * Starts a commissioning run; its steps then show live beside it (the page refreshes every second
 * while it runs). With connectors to choose from, the run can also charge on one (remote start/stop).
 */
export function TestForm({
  action,
  stationId,
  running,
  connectors,
}: {
  action: FormAction;
  stationId: string;
  running: boolean;
  /** `<evse uid>/<connector id>` and its label. */
  connectors: { value: string; label: string }[];
}) {
  const t = useTranslations('TestRun');
  const [state, submit, pending] = useActionState(action, null);
  const chargeId = `charge-${stationId}`;
  return (
    <form action={submit} className="space-y-2">
      <input type="hidden" name="id" value={stationId} />
      {connectors.length > 0 && (
        // Choosing here is part of starting the test, not an edit the live refresh must wait for.
        <div data-live-ignore>
          <label htmlFor={chargeId} className="block text-sm font-medium">
            {t('chargeTest')}
          </label>
          <select id={chargeId} name="charge_connector" className="w-full rounded border border-slate-300 px-3 py-2">
            <option value="">{t('noChargeTest')}</option>
            {connectors.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      )}
      <button
        type="submit"
        disabled={pending || running}
        className="w-full rounded border border-brand-700 px-4 py-3 text-brand-700 disabled:opacity-60"
      >
        {pending ? t('starting') : running ? t('runningButton') : t('run')}
      </button>
      <ActionOutcome state={state} />
    </form>
  );
}

'use client';

import { ActionForm } from '@/components/forms/action-form';
import { CheckboxGroup } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { VersionFields } from '@/components/forms/version-fields';
import type { FormAction } from '@/lib/actions/define-action';

type Station = { id: string; version: number };

/** Desired availability of the whole station, or of one EVSE (shown only to holders of station:availability). */
export function AvailabilityForm({
  action,
  station,
  availability,
  evse,
}: {
  action: FormAction;
  station: Station;
  availability: string;
  evse?: { uid: string; label: string };
}) {
  const next = availability === 'OPERATIVE' ? 'INOPERATIVE' : 'OPERATIVE';
  const verb = next === 'INOPERATIVE' ? 'Set inoperative' : 'Set operative';
  return (
    <ActionForm
      action={action}
      label={evse ? `Availability of ${evse.label}` : 'Station availability'}
      className="flex flex-wrap items-center gap-3"
    >
      <VersionFields target={station} />
      <input type="hidden" name="availability" value={next} />
      {evse && <input type="hidden" name="evse_uid" value={evse.uid} />}
      <SubmitButton pendingLabel="Saving…" variant={evse ? 'secondary' : 'primary'} className={evse ? 'px-3 py-1 text-sm' : ''}>
        {evse ? `${verb} (this EVSE)` : verb}
      </SubmitButton>
    </ActionForm>
  );
}

/**
 * Tariff codes of every connector, or of one connector, chosen from the tariffs offered to the
 * station's tenant (the server checks that again). A code in use that is no longer offered is
 * listed too, so saving never drops it unseen: the user unticks it or the server says why not.
 */
export function TariffCodesForm({
  action,
  station,
  offered,
  current,
  connector,
}: {
  action: FormAction;
  station: Station;
  offered: { id: string; name: string | null }[];
  current: string[];
  connector?: { ref: string; label: string };
}) {
  const legend = connector ? `Tariff codes of ${connector.label}` : 'Tariff codes for all connectors';
  return (
    <ActionForm action={action} label={legend} className="space-y-2">
      <VersionFields target={station} />
      {connector && <input type="hidden" name="connector" value={connector.ref} />}
      <CheckboxGroup
        name="tariff_ids"
        label={legend}
        options={[
          ...offered.map((t) => ({ value: t.id, label: t.name ? `${t.id} — ${t.name}` : t.id })),
          ...current
            .filter((code) => !offered.some((t) => t.id === code))
            .map((code) => ({ value: code, label: `${code} (no longer offered)` })),
        ]}
        checked={current}
      />
      <SubmitButton pendingLabel="Saving…" variant={connector ? 'secondary' : 'primary'} className={connector ? 'px-3 py-1 text-sm' : ''}>
        {connector ? 'Save connector tariffs' : 'Save tariff codes'}
      </SubmitButton>
    </ActionForm>
  );
}

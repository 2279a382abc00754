'use client';

import { useTranslations } from 'next-intl';
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
  const t = useTranslations('StationAvailability');
  const common = useTranslations('Common');
  const next = availability === 'OPERATIVE' ? 'INOPERATIVE' : 'OPERATIVE';
  const verb = next === 'INOPERATIVE' ? (evse ? 'setInoperativeEvse' : 'setInoperative') : evse ? 'setOperativeEvse' : 'setOperative';
  return (
    <ActionForm
      action={action}
      label={evse ? t('evseForm', { evse: evse.label }) : t('stationForm')}
      className="flex flex-wrap items-center gap-3"
    >
      <VersionFields target={station} />
      <input type="hidden" name="availability" value={next} />
      {evse && <input type="hidden" name="evse_uid" value={evse.uid} />}
      <SubmitButton pendingLabel={common('saving')} variant={evse ? 'secondary' : 'primary'} className={evse ? 'px-3 py-1 text-sm' : ''}>
        {t(verb)}
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
  const t = useTranslations('TariffCodes');
  const common = useTranslations('Common');
  const legend = connector ? t('ofConnector', { connector: connector.label }) : t('allConnectors');
  return (
    <ActionForm action={action} label={legend} className="space-y-2">
      <VersionFields target={station} />
      {connector && <input type="hidden" name="connector" value={connector.ref} />}
      <CheckboxGroup
        name="tariff_ids"
        label={legend}
        options={[
          ...offered.map((tariff) => ({ value: tariff.id, label: tariff.name ? `${tariff.id} — ${tariff.name}` : tariff.id })),
          ...current
            .filter((code) => !offered.some((tariff) => tariff.id === code))
            .map((code) => ({ value: code, label: t('noLongerOffered', { code }) })),
        ]}
        checked={current}
      />
      <SubmitButton
        pendingLabel={common('saving')}
        variant={connector ? 'secondary' : 'primary'}
        className={connector ? 'px-3 py-1 text-sm' : ''}
      >
        {connector ? t('saveConnector') : t('save')}
      </SubmitButton>
    </ActionForm>
  );
}

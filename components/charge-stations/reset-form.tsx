'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormAction } from '@/lib/actions/define-action';
import type { StationCommandStatus } from '@/lib/domain/vocabulary';

/** Reset (station:write): choose soft or hard, then confirm; the answer shows once the station gives it. */
export function ResetForm({ action, stationId }: { action: FormAction; stationId: string }) {
  const t = useTranslations('StationReset');
  const common = useTranslations('Common');
  const [type, setType] = useState<'SOFT' | 'HARD'>('SOFT');
  const [asking, setAsking] = useState(false);
  return (
    <ActionForm
      action={action}
      label={t('form')}
      className="space-y-2"
      onSuccess={(state) => <ResetOutcome status={state.data?.status as StationCommandStatus | undefined} />}
    >
      <input type="hidden" name="id" value={stationId} />
      <input type="hidden" name="type" value={type} />
      {/* Nothing here is versioned, so choosing a type does not hold the page's live refresh. */}
      <fieldset className="flex flex-wrap gap-4" data-live-ignore>
        <legend className="mb-1 text-sm font-medium">{t('type')}</legend>
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
            {t(option)}
          </label>
        ))}
      </fieldset>
      {!asking ? (
        <button
          type="button"
          onClick={() => setAsking(true)}
          className="rounded border border-red-300 bg-white px-3 py-1.5 text-red-800 hover:bg-red-50"
        >
          {t('ask')}
        </button>
      ) : (
        <div
          role="alertdialog"
          aria-label={t('confirm')}
          className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2"
        >
          <p className="font-medium">{t(`question${type}`)}</p>
          <SubmitButton variant="danger" pendingLabel={t('resetting')}>
            {t('now')}
          </SubmitButton>
          <button type="button" onClick={() => setAsking(false)} className="rounded border border-slate-300 bg-white px-3 py-1.5">
            {common('cancel')}
          </button>
        </div>
      )}
    </ActionForm>
  );
}

function ResetOutcome({ status }: { status: StationCommandStatus | undefined }) {
  const t = useTranslations('StationReset');
  const statusWords = useTranslations('Status');
  const words =
    status === 'ACCEPTED'
      ? t('accepted')
      : status === 'QUEUED' || status === 'SENT'
        ? t('notAnswered')
        : t('answered', { status: status ? statusWords(`command.${status}`) : t('nothing') });
  return (
    <p className="text-sm" data-testid="reset-outcome">
      {words}
    </p>
  );
}

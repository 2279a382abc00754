'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormAction } from '@/lib/actions/define-action';

type Props = {
  action: FormAction;
  /** Hidden fields sent with the confirmation (id, version). */
  fields: Record<string, string | number>;
  /** The first button, e.g. "Revoke…". */
  ask: string;
  question: string;
  confirm: string;
  pendingLabel: string;
};

/** A destructive action in two steps: the first button only asks, the second does it. */
export function ConfirmActionForm({ action, fields, ask, question, confirm, pendingLabel }: Props) {
  const t = useTranslations('Common');
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        onClick={() => setAsking(true)}
        className="rounded border border-red-300 bg-white px-2 py-1 text-red-800 hover:bg-red-50"
      >
        {ask}
      </button>
    );
  }
  return (
    <ActionForm action={action} label={question} className="flex flex-wrap items-center gap-2 whitespace-normal">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <span className="text-sm">{question}</span>
      <SubmitButton variant="danger" pendingLabel={pendingLabel} className="!px-2 !py-1">
        {confirm}
      </SubmitButton>
      <button type="button" onClick={() => setAsking(false)} className="rounded border border-slate-300 bg-white px-2 py-1">
        {t('cancel')}
      </button>
    </ActionForm>
  );
}

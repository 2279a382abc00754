'use client';

import { useTranslations } from 'next-intl';
import { ConfirmActionForm } from '@/components/forms/confirm-action-form';
import { sentence } from '@/components/forms/options';
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
  /** The object's kind in the user's language ("tariff", "tarief"). */
  what: string;
  consequence: string;
}) {
  const t = useTranslations('Forms');
  return (
    <ConfirmActionForm
      action={action}
      fields={{ id: target.id, version: target.version }}
      ask={sentence(t('deleteAsk', { what }))}
      question={sentence(t('deleteQuestion', { what, consequence }))}
      confirm={t('deleteConfirm', { what })}
      pendingLabel={t('deleting')}
    />
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { ConfirmActionForm } from '@/components/forms/confirm-action-form';
import type { FormAction } from '@/lib/actions/define-action';

/** Revoke with confirmation: integrations using the key get 401 from then on. */
export function RevokeKeyForm({ action, id, version, name }: { action: FormAction; id: string; version: number; name: string }) {
  const t = useTranslations('ApiKeys');
  return (
    <ConfirmActionForm
      action={action}
      fields={{ id, version }}
      ask={t('revokeAsk')}
      question={t('revokeQuestion', { name })}
      confirm={t('revokeConfirm')}
      pendingLabel={t('revoking')}
    />
  );
}

'use client';

import { useMemo } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { EmptyList } from '@/components/data-table/empty-list';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormAction } from '@/lib/actions/define-action';
import type { WebhookDelivery } from '@/lib/schemas/webhook';
import { StatusBadge } from '@/components/status/status-badge';
import { formatTimestamp } from '@/lib/format';

const col = createColumnHelper<ServerTableFeatures, WebhookDelivery>();

/** The delivery log, newest first; each row can be sent again (same webhook-id). */
export function DeliveriesTable({ webhookId, rows, retry }: { webhookId: string; rows: WebhookDelivery[]; retry?: FormAction }) {
  const t = useTranslations('Webhooks');
  const locale = useLocale();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('event_type', {
          header: t('event'),
          cell: (info) => <code className="font-mono text-xs">{info.getValue()}</code>,
        }),
        col.accessor('status', {
          header: t('status'),
          cell: (info) => <StatusBadge status={{ kind: 'delivery', value: info.getValue() }} />,
        }),
        col.accessor('attempts', { header: t('attempts'), cell: (info) => <span className="tabular-nums">{info.getValue()}</span> }),
        col.accessor('response_status', { header: t('response'), cell: (info) => info.getValue() ?? '—' }),
        col.accessor('duration_ms', {
          header: t('duration'),
          cell: (info) => <span className="tabular-nums">{info.getValue() ?? '—'}</span>,
        }),
        col.accessor('error', {
          header: t('error'),
          cell: (info) => <span className="block max-w-xs whitespace-normal break-words text-xs">{info.getValue() ?? ''}</span>,
        }),
        col.accessor('created_at', { header: t('created'), cell: (info) => formatTimestamp(info.getValue(), locale) }),
        col.accessor('last_attempt_at', { header: t('lastAttempt'), cell: (info) => formatTimestamp(info.getValue(), locale) }),
        col.accessor('next_attempt_at', { header: t('nextAttempt'), cell: (info) => formatTimestamp(info.getValue(), locale) }),
        ...(retry
          ? [
              col.display({
                id: 'retry',
                header: t('actions'),
                cell: (info) => (
                  <ActionForm action={retry} label={t('retryDelivery', { id: info.row.original.id })}>
                    <input type="hidden" name="id" value={webhookId} />
                    <input type="hidden" name="delivery_id" value={info.row.original.id} />
                    <SubmitButton variant="secondary" pendingLabel={t('retrying')} className="!px-2 !py-1">
                      {t('retry')}
                    </SubmitButton>
                  </ActionForm>
                ),
              }),
            ]
          : []),
      ]),
    [retry, webhookId, t, locale],
  );
  if (rows.length === 0) return <EmptyList>{t('deliveriesEmpty')}</EmptyList>;
  return <DataTable caption={t('deliveryLog')} columns={columns} data={rows} emptyMessage={t('deliveriesEmpty')} />;
}

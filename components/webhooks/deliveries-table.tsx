'use client';

import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { EmptyList } from '@/components/data-table/empty-list';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { ActionForm } from '@/components/forms/action-form';
import { SubmitButton } from '@/components/forms/submit-button';
import type { FormAction } from '@/lib/actions/define-action';
import type { WebhookDelivery } from '@/lib/schemas/webhook';
import { formatTimestamp } from '@/lib/format';

const EMPTY = 'Nothing delivered yet. Send a test event to try it.';
const col = createColumnHelper<ServerTableFeatures, WebhookDelivery>();

const STATUS_STYLE: Record<WebhookDelivery['status'], string> = {
  PENDING: 'text-amber-800',
  SUCCEEDED: 'text-emerald-800',
  FAILED: 'text-red-800',
};

/** The delivery log, newest first; each row can be sent again (same webhook-id). */
export function DeliveriesTable({ webhookId, rows, retry }: { webhookId: string; rows: WebhookDelivery[]; retry?: FormAction }) {
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('event_type', { header: 'Event', cell: (info) => <code className="font-mono text-xs">{info.getValue()}</code> }),
        col.accessor('status', {
          header: 'Status',
          cell: (info) => <span className={`font-medium ${STATUS_STYLE[info.getValue()]}`}>{info.getValue()}</span>,
        }),
        col.accessor('attempts', { header: 'Attempts', cell: (info) => <span className="tabular-nums">{info.getValue()}</span> }),
        col.accessor('response_status', { header: 'Response', cell: (info) => info.getValue() ?? '—' }),
        col.accessor('duration_ms', {
          header: 'Duration (ms)',
          cell: (info) => <span className="tabular-nums">{info.getValue() ?? '—'}</span>,
        }),
        col.accessor('error', {
          header: 'Error',
          cell: (info) => <span className="block max-w-xs whitespace-normal break-words text-xs">{info.getValue() ?? ''}</span>,
        }),
        col.accessor('created_at', { header: 'Created', cell: (info) => formatTimestamp(info.getValue()) }),
        col.accessor('last_attempt_at', { header: 'Last attempt', cell: (info) => formatTimestamp(info.getValue()) }),
        col.accessor('next_attempt_at', { header: 'Next attempt', cell: (info) => formatTimestamp(info.getValue()) }),
        ...(retry
          ? [
              col.display({
                id: 'retry',
                header: 'Actions',
                cell: (info) => (
                  <ActionForm action={retry} label={`Retry delivery ${info.row.original.id}`}>
                    <input type="hidden" name="id" value={webhookId} />
                    <input type="hidden" name="delivery_id" value={info.row.original.id} />
                    <SubmitButton variant="secondary" pendingLabel="Retrying…" className="!px-2 !py-1">
                      Retry
                    </SubmitButton>
                  </ActionForm>
                ),
              }),
            ]
          : []),
      ]),
    [retry, webhookId],
  );
  if (rows.length === 0) return <EmptyList>{EMPTY}</EmptyList>;
  return <DataTable caption="Delivery log" columns={columns} data={rows} emptyMessage={EMPTY} />;
}

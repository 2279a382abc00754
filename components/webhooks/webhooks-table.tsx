'use client';

import { useMemo } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { EmptyList } from '@/components/data-table/empty-list';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { RowLink } from '@/components/data-table/row-link';
import type { Webhook } from '@/lib/schemas/webhook';
import { formatTimestamp } from '@/lib/format';
import { WebhookStatus } from './webhook-status';

const col = createColumnHelper<ServerTableFeatures, Webhook>();

export function WebhooksTable({ rows, tenants }: { rows: Webhook[]; tenants: Record<string, string> }) {
  const t = useTranslations('Webhooks');
  const locale = useLocale();
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('url', {
          header: t('url'),
          cell: (info) => (
            <span className="inline-block max-w-[28rem] truncate align-bottom" title={info.getValue()}>
              <RowLink href={`/webhooks/${info.row.original.id}`}>{info.getValue()}</RowLink>
            </span>
          ),
        }),
        col.accessor('description', { header: t('description'), cell: (info) => info.getValue() ?? '' }),
        col.accessor('tenant_id', {
          header: t('eventsOf'),
          cell: (info) => (info.getValue() ? (tenants[info.getValue()!] ?? info.getValue()) : t('cpoWide')),
        }),
        col.accessor('events', {
          header: t('events'),
          cell: (info) => (
            <span title={info.getValue().join(', ')} className="tabular-nums">
              {info.getValue().length}
            </span>
          ),
        }),
        col.display({ id: 'status', header: t('status'), cell: (info) => <WebhookStatus webhook={info.row.original} /> }),
        col.accessor('failing_since', { header: t('failingSince'), cell: (info) => formatTimestamp(info.getValue(), locale) }),
        col.accessor('created_at', { header: t('created'), cell: (info) => formatTimestamp(info.getValue(), locale) }),
      ]),
    [tenants, t, locale],
  );
  if (rows.length === 0) return <EmptyList>{t('empty')}</EmptyList>;
  return <DataTable caption={t('title')} columns={columns} data={rows} emptyMessage={t('empty')} />;
}

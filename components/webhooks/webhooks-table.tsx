'use client';

import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { EmptyList } from '@/components/data-table/empty-list';
import type { ServerTableFeatures } from '@/components/data-table/features';
import { RowLink } from '@/components/data-table/row-link';
import type { Webhook } from '@/lib/schemas/webhook';
import { formatTimestamp } from '@/lib/format';
import { WebhookStatus } from './webhook-status';

const EMPTY = 'No webhooks yet.';
const col = createColumnHelper<ServerTableFeatures, Webhook>();

export function WebhooksTable({ rows, tenants }: { rows: Webhook[]; tenants: Record<string, string> }) {
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('url', {
          header: 'URL',
          cell: (info) => (
            <span className="inline-block max-w-[28rem] truncate align-bottom" title={info.getValue()}>
              <RowLink href={`/webhooks/${info.row.original.id}`}>{info.getValue()}</RowLink>
            </span>
          ),
        }),
        col.accessor('description', { header: 'Description', cell: (info) => info.getValue() ?? '' }),
        col.accessor('tenant_id', {
          header: 'Events of',
          cell: (info) => (info.getValue() ? (tenants[info.getValue()!] ?? info.getValue()) : 'All tenants (CPO-wide)'),
        }),
        col.accessor('events', {
          header: 'Events',
          cell: (info) => (
            <span title={info.getValue().join(', ')} className="tabular-nums">
              {info.getValue().length}
            </span>
          ),
        }),
        col.display({ id: 'status', header: 'Status', cell: (info) => <WebhookStatus webhook={info.row.original} /> }),
        col.accessor('failing_since', { header: 'Failing since', cell: (info) => formatTimestamp(info.getValue()) }),
        col.accessor('created_at', { header: 'Created', cell: (info) => formatTimestamp(info.getValue()) }),
      ]),
    [tenants],
  );
  if (rows.length === 0) return <EmptyList>{EMPTY}</EmptyList>;
  return <DataTable caption="Webhooks" columns={columns} data={rows} emptyMessage={EMPTY} />;
}

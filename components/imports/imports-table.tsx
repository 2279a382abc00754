'use client';

import { useMemo } from 'react';
import Link from 'next/link';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { EmptyList } from '@/components/data-table/empty-list';
import type { ServerTableFeatures } from '@/components/data-table/features';
import type { Import } from '@/lib/schemas/import';
import { IMPORT_ENTITY_LABELS, IMPORT_STATUS_LABELS } from '@/lib/view/imports';
import { formatTimestamp } from '@/lib/format';

const EMPTY = 'No imports yet.';
const col = createColumnHelper<ServerTableFeatures, Import>();
const count = (value: number) => <span className="tabular-nums">{value.toLocaleString('en')}</span>;

/** Recent imports, newest first: each links to its result on this page, and to its error report when rows failed. */
export function ImportsTable({ rows }: { rows: Import[] }) {
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor('created_at', {
          header: 'Started',
          cell: (info) => (
            <Link href={`/imports?show=${info.row.original.id}`} className="font-medium text-brand-700 hover:underline">
              {formatTimestamp(info.getValue())}
            </Link>
          ),
        }),
        col.accessor('entity', { header: 'Rows', cell: (info) => IMPORT_ENTITY_LABELS[info.getValue()] }),
        col.accessor('dry_run', { header: 'Mode', cell: (info) => (info.getValue() ? 'Dry run' : 'Import') }),
        col.accessor('status', {
          header: 'Status',
          cell: (info) => (
            <span className={info.getValue() === 'FAILED' ? 'text-red-800' : info.getValue() === 'SUCCEEDED' ? 'text-emerald-800' : ''}>
              {IMPORT_STATUS_LABELS[info.getValue()]}
            </span>
          ),
        }),
        col.accessor('total', { header: 'Rows in file', cell: (info) => count(info.getValue()) }),
        col.accessor('created', { header: 'Created', cell: (info) => count(info.getValue()) }),
        col.accessor('updated', { header: 'Updated', cell: (info) => count(info.getValue()) }),
        col.accessor('failed', { header: 'Failed', cell: (info) => count(info.getValue()) }),
        col.accessor('finished_at', { header: 'Finished', cell: (info) => formatTimestamp(info.getValue()) }),
        col.display({
          id: 'report',
          header: 'Error report',
          cell: (info) =>
            info.row.original.failed > 0 ? (
              <a href={`/api/v2/imports/${info.row.original.id}/error-report`} download className="text-brand-700 underline">
                CSV
              </a>
            ) : null,
        }),
      ]),
    [],
  );
  if (rows.length === 0) return <EmptyList>{EMPTY}</EmptyList>;
  return <DataTable caption="Recent imports" columns={columns} data={rows} emptyMessage={EMPTY} />;
}

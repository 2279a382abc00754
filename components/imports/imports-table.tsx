'use client';

import { useMemo } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { createColumnHelper } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { EmptyList } from '@/components/data-table/empty-list';
import type { ServerTableFeatures } from '@/components/data-table/features';
import type { Import } from '@/lib/schemas/import';
import { StatusBadge } from '@/components/status/status-badge';
import { formatNumber, formatTimestamp } from '@/lib/format';

const col = createColumnHelper<ServerTableFeatures, Import>();

/** Recent imports, newest first: each links to its result on this page, and to its error report when rows failed. */
export function ImportsTable({ rows }: { rows: Import[] }) {
  const t = useTranslations('Imports');
  const locale = useLocale();
  const columns = useMemo(() => {
    const count = (value: number) => <span className="tabular-nums">{formatNumber(value, locale)}</span>;
    return col.columns([
      col.accessor('created_at', {
        header: t('started'),
        cell: (info) => (
          <Link href={`/imports?show=${info.row.original.id}`} className="font-medium text-brand-700 hover:underline">
            {formatTimestamp(info.getValue(), locale)}
          </Link>
        ),
      }),
      col.accessor('entity', { header: t('rows'), cell: (info) => t(`entities.${info.getValue()}`) }),
      col.accessor('dry_run', { header: t('mode'), cell: (info) => (info.getValue() ? t('dryRun') : t('import')) }),
      col.accessor('status', {
        header: t('status'),
        cell: (info) => <StatusBadge status={{ kind: 'import', value: info.getValue() }} />,
      }),
      col.accessor('total', { header: t('rowsInFile'), cell: (info) => count(info.getValue()) }),
      col.accessor('created', { header: t('created'), cell: (info) => count(info.getValue()) }),
      col.accessor('updated', { header: t('updated'), cell: (info) => count(info.getValue()) }),
      col.accessor('failed', { header: t('failed'), cell: (info) => count(info.getValue()) }),
      col.accessor('finished_at', { header: t('finished'), cell: (info) => formatTimestamp(info.getValue(), locale) }),
      col.display({
        id: 'report',
        header: t('errorReport'),
        cell: (info) =>
          info.row.original.failed > 0 ? (
            <a href={`/api/v2/imports/${info.row.original.id}/error-report`} download className="text-brand-700 underline">
              {t('csv')}
            </a>
          ) : null,
      }),
    ]);
  }, [t, locale]);
  if (rows.length === 0) return <EmptyList>{t('empty')}</EmptyList>;
  return <DataTable caption={t('recent')} columns={columns} data={rows} emptyMessage={t('empty')} />;
}

'use client';

import { useId, type ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { StaticTable } from '@/components/data-table/table-frame';
import type { Import } from '@/lib/schemas/import';
import { StatusBadge } from '@/components/status/status-badge';
import { importRunning } from '@/lib/view/imports';
import { formatNumber, formatTimestamp } from '@/lib/format';

/** Row errors listed on the page; the error report has every failed row. */
const ERRORS_SHOWN = 10;

/** One import: its progress (`processed` of `total`), then the counts, the first row errors and the error report. */
export function ImportJobView({ job, children }: { job: Import; children?: ReactNode }) {
  const t = useTranslations('Imports');
  const locale = useLocale();
  const number = (value: number) => formatNumber(value, locale);
  const id = useId();
  const running = importRunning(job.status);
  const counts: [string, number][] = [
    [job.dry_run ? t('wouldCreate') : t('created'), job.created],
    [job.dry_run ? t('wouldUpdate') : t('updated'), job.updated],
    [job.dry_run ? t('wouldFail') : t('failed'), job.failed],
  ];
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="import-job">
      <h2 id={`${id}-title`} className="text-lg font-medium">
        {t('jobTitle', { mode: job.dry_run ? t('dryRun') : t('import'), entity: t(`entitiesLower.${job.entity}`) })}
      </h2>
      <p role="status" className="text-sm">
        <StatusBadge status={{ kind: 'import', value: job.status }} />
        {running ? t('following') : ` ${formatTimestamp(job.finished_at, locale, '')}`}
        {job.status === 'SUCCEEDED' && job.dry_run ? t('nothingWritten') : ''}
      </p>
      <div className="space-y-1">
        <label htmlFor={`${id}-progress`} className="block text-sm font-medium">
          {t('progress')}
        </label>
        <progress id={`${id}-progress`} max={Math.max(job.total, 1)} value={job.processed} className="h-3 w-full accent-brand-700" />
        <p className="text-sm tabular-nums text-slate-600">
          {t('processedOf', { processed: number(job.processed), total: number(job.total) })}
        </p>
      </div>
      {!running && (
        <dl className="grid grid-cols-3 gap-2 text-center" data-testid="import-counts">
          {counts.map(([label, value]) => (
            <div key={label} className="rounded border border-slate-200 p-2">
              <dt className="text-xs text-slate-600">{label}</dt>
              <dd className="text-xl font-semibold tabular-nums">{number(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {job.error && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-900">
          {job.error}
        </p>
      )}
      {job.errors.length > 0 && (
        <div className="space-y-2">
          <h3 className="text-sm font-medium">
            {job.failed > ERRORS_SHOWN ? t('firstErrors', { shown: ERRORS_SHOWN, failed: number(job.failed) }) : t('rowErrors')}
          </h3>
          <StaticTable
            caption={t('rowErrors')}
            headers={[t('line'), t('field'), t('message')]}
            rowCount={Math.min(job.errors.length, ERRORS_SHOWN)}
            emptyMessage=""
          >
            {job.errors.slice(0, ERRORS_SHOWN).map((error) => (
              <tr key={`${error.line}${error.path}`}>
                <td className="px-3 py-2 tabular-nums">{error.line}</td>
                <td className="px-3 py-2 font-mono text-xs">{error.path || t('wholeRow')}</td>
                <td className="px-3 py-2">{error.message}</td>
              </tr>
            ))}
          </StaticTable>
        </div>
      )}
      {job.failed > 0 && !running && (
        <p className="text-sm">
          <a href={`/api/v2/imports/${job.id}/error-report`} download className="text-brand-700 underline">
            {t('downloadErrorReport')}
          </a>{' '}
          <span className="text-slate-600">{t('errorReportNote')}</span>
        </p>
      )}
      {children}
    </section>
  );
}

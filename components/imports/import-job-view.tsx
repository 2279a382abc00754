'use client';

import { useId, type ReactNode } from 'react';
import { StaticTable } from '@/components/data-table/table-frame';
import type { Import } from '@/lib/schemas/import';
import { IMPORT_ENTITY_LABELS, IMPORT_STATUS_LABELS, importRunning } from '@/lib/view/imports';
import { formatTimestamp } from '@/lib/format';

/** Row errors listed on the page; the error report has every failed row. */
const ERRORS_SHOWN = 10;

/** One import: its progress (`processed` of `total`), then the counts, the first row errors and the error report. */
export function ImportJobView({ job, children }: { job: Import; children?: ReactNode }) {
  const id = useId();
  const running = importRunning(job.status);
  const counts: [string, number][] = [
    [job.dry_run ? 'Would create' : 'Created', job.created],
    [job.dry_run ? 'Would update' : 'Updated', job.updated],
    [job.dry_run ? 'Would fail' : 'Failed', job.failed],
  ];
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" data-testid="import-job">
      <h2 id={`${id}-title`} className="text-lg font-medium">
        {job.dry_run ? 'Dry run' : 'Import'}: {IMPORT_ENTITY_LABELS[job.entity].toLowerCase()}
      </h2>
      <p role="status" className="text-sm">
        <span className="font-medium">{IMPORT_STATUS_LABELS[job.status]}</span>
        {running ? ' — this page follows the progress.' : ` ${formatTimestamp(job.finished_at, undefined, '')}`}
        {job.status === 'SUCCEEDED' && job.dry_run ? ' Nothing was written.' : ''}
      </p>
      <div className="space-y-1">
        <label htmlFor={`${id}-progress`} className="block text-sm font-medium">
          Progress
        </label>
        <progress id={`${id}-progress`} max={Math.max(job.total, 1)} value={job.processed} className="h-3 w-full accent-brand-700" />
        <p className="text-sm tabular-nums text-slate-600">
          {job.processed.toLocaleString('en')} of {job.total.toLocaleString('en')} rows
        </p>
      </div>
      {!running && (
        <dl className="grid grid-cols-3 gap-2 text-center" data-testid="import-counts">
          {counts.map(([label, value]) => (
            <div key={label} className="rounded border border-slate-200 p-2">
              <dt className="text-xs text-slate-600">{label}</dt>
              <dd className="text-xl font-semibold tabular-nums">{value.toLocaleString('en')}</dd>
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
            {job.failed > ERRORS_SHOWN ? `First ${ERRORS_SHOWN} of ${job.failed.toLocaleString('en')} row errors` : 'Row errors'}
          </h3>
          <StaticTable
            caption="Row errors"
            headers={['Line', 'Field', 'Message']}
            rowCount={Math.min(job.errors.length, ERRORS_SHOWN)}
            emptyMessage=""
          >
            {job.errors.slice(0, ERRORS_SHOWN).map((error) => (
              <tr key={`${error.line}${error.path}`}>
                <td className="px-3 py-2 tabular-nums">{error.line}</td>
                <td className="px-3 py-2 font-mono text-xs">{error.path || '(row)'}</td>
                <td className="px-3 py-2">{error.message}</td>
              </tr>
            ))}
          </StaticTable>
        </div>
      )}
      {job.failed > 0 && !running && (
        <p className="text-sm">
          <a href={`/api/v2/imports/${job.id}/error-report`} download className="text-brand-700 underline">
            Download error report
          </a>{' '}
          <span className="text-slate-600">(every failed row as uploaded, with its errors)</span>
        </p>
      )}
      {children}
    </section>
  );
}

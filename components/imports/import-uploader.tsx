'use client';

import { useId, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ImportEntity } from '@/lib/domain/vocabulary';
import type { Import } from '@/lib/schemas/import';
import { importMediaType } from '@/lib/view/imports';
import { ImportJobView } from './import-job-view';
import { useImportJob } from './use-import-job';

type Problem = { message: string; errors: { path: string; message: string }[] };
type Upload = { file: File; entity: ImportEntity };

const CONTROL = 'w-full rounded border border-slate-300 px-3 py-1.5';

/**
 * Uploads a CSV / NDJSON file to POST /api/v2/imports (same origin, the session cookie), then
 * follows the job. After a clean dry run, "Import for real" sends the same file again.
 */
export function ImportUploader({ entities, initial }: { entities: readonly ImportEntity[]; initial: Import | null }) {
  const t = useTranslations('Imports');
  const id = useId();
  const router = useRouter();
  const [job, setJob] = useImportJob(initial);
  const [entity, setEntity] = useState<ImportEntity>(entities[0]!);
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [uploading, setUploading] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  // The file of the job shown, for "Import for real".
  const [uploaded, setUploaded] = useState<Upload | null>(null);

  async function upload({ file, entity }: Upload, dry: boolean) {
    const mediaType = importMediaType(file.name);
    if (!mediaType) {
      setProblem({ message: t('chooseFileType'), errors: [] });
      return;
    }
    setUploading(true);
    setProblem(null);
    try {
      const response = await fetch(`/api/v2/imports?entity=${entity}&dry_run=${dry}`, {
        method: 'POST',
        headers: { 'content-type': mediaType },
        body: file,
      });
      const body = await response.json().catch(() => null);
      if (response.status !== 202) {
        setProblem({ message: body?.detail ?? t('uploadFailed', { status: response.status }), errors: body?.errors ?? [] });
        return;
      }
      setJob(body as Import);
      setUploaded({ file, entity });
      router.refresh();
    } catch {
      setProblem({ message: t('unreachable'), errors: [] });
    } finally {
      setUploading(false);
    }
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) setProblem({ message: t('chooseFile'), errors: [] });
    else void upload({ file, entity }, dryRun);
  };

  const mayImportForReal = job?.dry_run && job.status === 'SUCCEEDED' && uploaded?.entity === job.entity && job.created + job.updated > 0;
  return (
    <div className="space-y-4">
      <form
        onSubmit={onSubmit}
        aria-label={t('uploadLabel')}
        className="max-w-xl space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <div className="space-y-1">
          <label htmlFor={`${id}-file`} className="block text-sm font-medium">
            {t('file')}
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".csv,.ndjson,.jsonl,text/csv,application/x-ndjson"
            aria-describedby={`${id}-file-hint`}
            onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)}
            className="block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm hover:file:bg-slate-100"
          />
          <p id={`${id}-file-hint`} className="text-xs text-slate-600">
            {t('fileHint')}
          </p>
        </div>
        <div className="space-y-1">
          <label htmlFor={`${id}-entity`} className="block text-sm font-medium">
            {t('rowsAre')}
          </label>
          <select
            id={`${id}-entity`}
            value={entity}
            onChange={(event) => setEntity(event.target.value as ImportEntity)}
            className={CONTROL}
          >
            {entities.map((value) => (
              <option key={value} value={value}>
                {t(`entities.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" checked={dryRun} onChange={(event) => setDryRun(event.target.checked)} className="mt-1" />
          <span>
            <span className="font-medium">{t('dryRunFirst')}</span>
            <span className="block text-xs text-slate-600">{t('dryRunHint')}</span>
          </span>
        </label>
        <button
          type="submit"
          disabled={uploading}
          className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60"
        >
          {uploading ? t('uploading') : dryRun ? t('uploadDryRun') : t('uploadAndImport')}
        </button>
        {problem && (
          <div role="alert" className="rounded border border-red-200 bg-red-50 p-2 text-sm text-red-900">
            <p>{problem.message}</p>
            {problem.errors.length > 0 && (
              <ul className="list-disc pl-5">
                {problem.errors.slice(0, 20).map((error) => (
                  <li key={error.path}>
                    {error.path}: {error.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </form>
      {job && (
        <ImportJobView job={job}>
          {mayImportForReal && uploaded && (
            <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-3">
              <button
                type="button"
                disabled={uploading}
                onClick={() => void upload(uploaded, false)}
                className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-600 disabled:opacity-60"
              >
                {uploading ? t('uploading') : t('importForReal')}
              </button>
              <span className="text-sm text-slate-600">
                {job.failed > 0
                  ? t('uploadsAgainSkipping', { file: uploaded.file.name, failed: job.failed })
                  : t('uploadsAgain', { file: uploaded.file.name })}
              </span>
            </div>
          )}
        </ImportJobView>
      )}
    </div>
  );
}

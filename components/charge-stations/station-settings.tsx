'use client';

import { useLocale, useTranslations } from 'next-intl';
import { ActionForm } from '@/components/forms/action-form';
import { TextField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { VersionFields } from '@/components/forms/version-fields';
import { StatusBadge } from '@/components/status/status-badge';
import type { FormAction } from '@/lib/actions/define-action';
import { formatTimestamp } from '@/lib/format';
import type { StationConfiguration } from '@/lib/schemas/charge-station';

type Station = { id: string; version: number };
type Window = { starts_at: string; ends_at: string; reason?: string | null };

/** A timestamp in the user's language, marked UTC. */
function useUtcTime() {
  const common = useTranslations('Common');
  const locale = useLocale();
  return (at: string) => common('utc', { time: formatTimestamp(at, locale) });
}

/**
 * The configuration keys: desired against reported, each desired key's sync state as a badge with
 * what it means, and the drift. With `action` a desired key can be removed and keys set.
 */
export function ConfigurationEditor({
  action,
  station,
  keys,
  reportedAt,
}: {
  action?: FormAction;
  station: Station;
  keys: StationConfiguration['keys'];
  reportedAt: string | null;
}) {
  const t = useTranslations('Configuration');
  const common = useTranslations('Common');
  const when = useUtcTime();
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">{reportedAt ? t('reportedAt', { time: when(reportedAt) }) : t('notReported')}</p>
      {keys.length === 0 ? (
        <p className="text-slate-600">{t('noKeys')}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label={t('keys')}>
          {keys.map((k) => (
            <li key={k.key} className="space-y-1 px-3 py-2" data-testid={`configuration-${k.key}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="flex min-w-0 flex-wrap items-center gap-2">
                  <span className="min-w-0 font-mono text-sm break-all">{k.key}</span>
                  {k.sync && <StatusBadge status={{ kind: 'configurationSync', value: k.sync }} testId={`configuration-sync-${k.key}`} />}
                </span>
                {action && k.desired !== null && (
                  <ActionForm action={action} label={t('removeKey', { key: k.key })}>
                    <VersionFields target={station} />
                    <input type="hidden" name="key" value={k.key} />
                    <input type="hidden" name="remove" value="1" />
                    <SubmitButton pendingLabel={t('removing')} variant="danger" className="px-2 py-1 text-sm">
                      {t('remove')} <span className="sr-only">{k.key}</span>
                    </SubmitButton>
                  </ActionForm>
                )}
              </div>
              <dl className="grid grid-cols-[6rem_1fr] gap-x-2 text-sm">
                <dt className="text-slate-600">{t('desired')}</dt>
                <dd className="font-mono break-all">{k.desired ?? t('notSetHere')}</dd>
                <dt className="text-slate-600">{t('reported')}</dt>
                <dd className="font-mono break-all">{k.reported ?? common('none')}</dd>
              </dl>
              {k.sync && k.sync !== 'APPLIED' && <p className="text-sm text-slate-700">{t(`meaning.${k.sync}`)}</p>}
              {k.drift && (
                <p className="text-sm text-amber-900" data-testid={`configuration-drift-${k.key}`}>
                  {k.reported === null || k.reported === undefined ? t('driftNoValue') : t('driftValue', { value: k.reported })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {action && (
        <ActionForm action={action} label={t('setForm')} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <VersionFields target={station} />
          <TextField name="key" label={t('key')} maxLength={50} placeholder={t('keyPlaceholder')} />
          <TextField name="value" label={t('value')} maxLength={500} />
          <SubmitButton pendingLabel={common('saving')}>{t('setKey')}</SubmitButton>
        </ActionForm>
      )}
    </div>
  );
}

/** Planned maintenance windows; with the actions they can be added and removed. */
export function MaintenanceEditor({
  add,
  remove,
  station,
  windows,
}: {
  add?: FormAction;
  remove?: FormAction;
  station: Station;
  windows: Window[];
}) {
  const t = useTranslations('Maintenance');
  const when = useUtcTime();
  return (
    <div className="space-y-3">
      {windows.length === 0 ? (
        <p className="text-slate-600">{t('none')}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {windows.map((w, i) => {
            const span = { starts: when(w.starts_at), ends: when(w.ends_at) };
            return (
              <li key={`${w.starts_at}-${i}`} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                <span className="min-w-0 break-words">
                  {w.reason ? t('windowWithReason', { ...span, reason: w.reason }) : t('window', span)}
                </span>
                {remove && (
                  <ActionForm action={remove} label={t('removeWindow', { number: i + 1 })}>
                    <VersionFields target={station} />
                    <input type="hidden" name="index" value={i} />
                    <SubmitButton pendingLabel={t('removing')} variant="danger" className="px-2 py-1 text-sm">
                      {t('remove')} <span className="sr-only">{t('removeWindowFrom', { starts: span.starts })}</span>
                    </SubmitButton>
                  </ActionForm>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {add && (
        <ActionForm action={add} label={t('addForm')} className="grid gap-3 sm:grid-cols-2">
          <VersionFields target={station} />
          <TextField name="starts_at" label={t('starts')} type="datetime-local" />
          <TextField name="ends_at" label={t('ends')} type="datetime-local" />
          <TextField name="reason" label={t('reason')} maxLength={255} />
          <div className="sm:self-end">
            <SubmitButton pendingLabel={t('adding')}>{t('add')}</SubmitButton>
          </div>
        </ActionForm>
      )}
    </div>
  );
}

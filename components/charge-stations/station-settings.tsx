'use client';

import { ActionForm } from '@/components/forms/action-form';
import { TextField } from '@/components/forms/fields';
import { SubmitButton } from '@/components/forms/submit-button';
import { VersionFields } from '@/components/forms/version-fields';
import type { FormAction } from '@/lib/actions/define-action';
import { formatTimestamp } from '@/lib/format';
import type { StationConfiguration } from '@/lib/schemas/charge-station';
import { driftMeaning } from '@/lib/view/stations';
import { SyncState } from './sync-state';

type Station = { id: string; version: number };
type Window = { starts_at: string; ends_at: string; reason?: string | null };

const when = (at: string) => `${formatTimestamp(at)} UTC`;

/**
 * The configuration keys: desired against reported, each desired key's sync state with what it
 * means, and the drift. With `action` a desired key can be removed and keys set.
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
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        {reportedAt
          ? `The station last reported its configuration ${when(reportedAt)}.`
          : 'The station has not reported its configuration yet.'}
      </p>
      {keys.length === 0 ? (
        <p className="text-slate-500">No keys set.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Configuration keys">
          {keys.map((k) => (
            <li key={k.key} className="space-y-1 px-3 py-2" data-testid={`configuration-${k.key}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="min-w-0 font-mono text-sm break-all">{k.key}</span>
                {action && k.desired !== null && (
                  <ActionForm action={action} label={`Remove ${k.key}`}>
                    <VersionFields target={station} />
                    <input type="hidden" name="key" value={k.key} />
                    <input type="hidden" name="remove" value="1" />
                    <SubmitButton pendingLabel="Removing…" variant="danger" className="px-2 py-1 text-sm">
                      Remove <span className="sr-only">{k.key}</span>
                    </SubmitButton>
                  </ActionForm>
                )}
              </div>
              <dl className="grid grid-cols-[6rem_1fr] gap-x-2 text-sm">
                <dt className="text-slate-600">Desired</dt>
                <dd className="font-mono break-all">{k.desired ?? '— (not set here)'}</dd>
                <dt className="text-slate-600">Reported</dt>
                <dd className="font-mono break-all">{k.reported ?? '—'}</dd>
              </dl>
              {k.sync && <SyncState kind="configuration" state={k.sync} testId={`configuration-sync-${k.key}`} />}
              {k.drift && (
                <p className="text-sm text-amber-900" data-testid={`configuration-drift-${k.key}`}>
                  Drift: {driftMeaning(k.reported)}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      {action && (
        <ActionForm action={action} label="Set a configuration key" className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
          <VersionFields target={station} />
          <TextField name="key" label="Key" maxLength={50} placeholder="HeartbeatInterval" />
          <TextField name="value" label="Value" maxLength={500} />
          <SubmitButton pendingLabel="Saving…">Set key</SubmitButton>
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
  return (
    <div className="space-y-3">
      {windows.length === 0 ? (
        <p className="text-slate-500">None planned.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {windows.map((w, i) => (
            <li key={`${w.starts_at}-${i}`} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
              <span>
                {when(w.starts_at)} – {when(w.ends_at)}
                {w.reason ? `: ${w.reason}` : ''}
              </span>
              {remove && (
                <ActionForm action={remove} label={`Remove window ${i + 1}`}>
                  <VersionFields target={station} />
                  <input type="hidden" name="index" value={i} />
                  <SubmitButton pendingLabel="Removing…" variant="danger" className="px-2 py-1 text-sm">
                    Remove <span className="sr-only">window from {when(w.starts_at)}</span>
                  </SubmitButton>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {add && (
        <ActionForm action={add} label="Add a maintenance window" className="grid gap-3 sm:grid-cols-2">
          <VersionFields target={station} />
          <TextField name="starts_at" label="Starts (UTC)" type="datetime-local" />
          <TextField name="ends_at" label="Ends (UTC)" type="datetime-local" />
          <TextField name="reason" label="Reason" maxLength={255} />
          <div className="sm:self-end">
            <SubmitButton pendingLabel="Adding…">Add window</SubmitButton>
          </div>
        </ActionForm>
      )}
    </div>
  );
}

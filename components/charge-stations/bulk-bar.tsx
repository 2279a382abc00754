'use client';

import { startTransition, useActionState, useState } from 'react';
import { fill, plural } from '@/components/data-table/fill';
import { useSelection } from '@/components/data-table/selection';
import { ActionOutcome } from '@/components/forms/action-form';
import { LabeledControl } from '@/components/forms/labeled-control';
import type { FormAction } from '@/lib/actions/define-action';
import type { Messages } from '@/lib/i18n/messages';

export type BulkChoice = { id: string; label: string };
export type BulkPermissions = { availability: boolean; tariff: boolean; groups: boolean };
/** The bar's words, from the server in the user's language. */
export type BulkWords = Messages['BulkActions'] & { availabilities: Record<Availability, string>; locale: string };

type Operation = 'availability' | 'tariff' | 'group_add' | 'group_remove';
type Availability = 'INOPERATIVE' | 'OPERATIVE';
const OPERATIONS: Operation[] = ['availability', 'tariff', 'group_add', 'group_remove'];

const CONTROL = 'rounded border border-slate-300 px-2 py-1.5';
const BUTTON = 'rounded bg-brand-700 px-3 py-1.5 text-white disabled:opacity-60';
const SECONDARY = 'rounded border border-slate-300 bg-white px-3 py-1.5';

type Row = { ok: boolean; message: string };

/**
 * The bar over the stations table once rows are selected: choose an operation and its value,
 * confirm, and read one result per station (each applied on its own on the server).
 */
export function BulkBar({
  action,
  permissions,
  tariffs,
  maxIds,
  words,
}: {
  action: FormAction;
  permissions: BulkPermissions;
  tariffs: BulkChoice[];
  maxIds: number;
  words: BulkWords;
}) {
  const { selectedIds, labelOf, clear: onClear } = useSelection();
  const [state, submit, pending] = useActionState(action, null);
  const operations = OPERATIONS.filter((op) =>
    op === 'availability' ? permissions.availability : op === 'tariff' ? permissions.tariff : permissions.groups,
  );
  const [operation, setOperation] = useState<Operation>(operations[0] ?? 'availability');
  const [availability, setAvailability] = useState<Availability>('INOPERATIVE');
  const [tariff, setTariff] = useState(tariffs[0]?.id ?? '');
  const [group, setGroup] = useState('');
  const [confirming, setConfirming] = useState(false);
  // Labels as they were when the action ran: the table may have re-rendered with other rows since.
  const [labels, setLabels] = useState<Record<string, string>>({});

  const count = selectedIds.length;
  const value = operation === 'availability' ? availability : operation === 'tariff' ? tariff : group.trim();
  const stations = plural(words.stations, count, words.locale);
  const question = fill(words.question[operation], {
    stations,
    availability: words.availabilities[availability],
    tariff,
    group: value,
  });
  // A new run replaces the last results; while it runs, the old ones would mislead.
  const results =
    !pending && state?.ok && state.data ? Object.entries(state.data).map(([id, json]) => ({ id, ...(JSON.parse(json) as Row) })) : [];
  const failed = results.filter((r) => !r.ok).length;

  if (operations.length === 0 || (count === 0 && !state)) return null;
  return (
    <section aria-label={words.region} className="space-y-3 rounded-lg border border-slate-300 bg-brand-50 p-3">
      {count > 0 && (
        <form
          onSubmit={(event) => {
            // Sent from state, not read back from the form: exactly what the confirmation said. (A
            // form `action` would also reset the controlled selects behind React's back.)
            event.preventDefault();
            const form = new FormData();
            for (const id of selectedIds) form.append('ids[]', id);
            form.set('operation', operation);
            form.set(operation === 'availability' ? 'availability' : operation === 'tariff' ? 'tariff_id' : 'group', value);
            setConfirming(false);
            setLabels(Object.fromEntries(selectedIds.map((id) => [id, labelOf(id)])));
            startTransition(() => submit(form));
          }}
          className="space-y-2"
        >
          <div className="flex flex-wrap items-end gap-2">
            <p className="py-1.5 font-medium" aria-live="polite">
              {fill(words.selected, { count })}
            </p>
            <button type="button" onClick={onClear} className={SECONDARY}>
              {words.clear}
            </button>
            <LabeledControl id="bulk-operation" label={words.operation}>
              <select
                id="bulk-operation"
                name="operation"
                value={operation}
                onChange={(e) => {
                  setOperation(e.target.value as Operation);
                  setConfirming(false);
                }}
                className={CONTROL}
              >
                {operations.map((op) => (
                  <option key={op} value={op}>
                    {words.operations[op]}
                  </option>
                ))}
              </select>
            </LabeledControl>
            {operation === 'availability' && (
              <LabeledControl id="bulk-availability" label={words.availability}>
                <select
                  id="bulk-availability"
                  name="availability"
                  value={availability}
                  onChange={(e) => setAvailability(e.target.value as Availability)}
                  className={CONTROL}
                >
                  <option value="INOPERATIVE">{words.availabilities.INOPERATIVE}</option>
                  <option value="OPERATIVE">{words.availabilities.OPERATIVE}</option>
                </select>
              </LabeledControl>
            )}
            {operation === 'tariff' && (
              <LabeledControl id="bulk-tariff" label={words.tariff}>
                <select id="bulk-tariff" name="tariff_id" value={tariff} onChange={(e) => setTariff(e.target.value)} className={CONTROL}>
                  {tariffs.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.label}
                    </option>
                  ))}
                </select>
              </LabeledControl>
            )}
            {(operation === 'group_add' || operation === 'group_remove') && (
              <LabeledControl id="bulk-group" label={words.group}>
                <input
                  id="bulk-group"
                  name="group"
                  value={group}
                  maxLength={64}
                  onChange={(e) => setGroup(e.target.value)}
                  className={CONTROL}
                />
              </LabeledControl>
            )}
            {!confirming && (
              <button type="button" className={BUTTON} disabled={!value || count > maxIds || pending} onClick={() => setConfirming(true)}>
                {words.apply}
              </button>
            )}
          </div>
          {count > maxIds && <p className="text-sm text-red-800">{fill(words.tooMany, { max: maxIds })}</p>}
          {confirming && (
            <div
              role="alertdialog"
              aria-label={words.confirmLabel}
              className="flex flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2"
            >
              <p className="font-medium">{question}</p>
              <button type="submit" className={BUTTON} autoFocus>
                {words.confirm}
              </button>
              <button type="button" className={SECONDARY} onClick={() => setConfirming(false)}>
                {words.cancel}
              </button>
            </div>
          )}
          {pending && <p role="status">{fill(words.applying, { stations })}</p>}
        </form>
      )}
      {state && !state.ok && <ActionOutcome state={state} />}
      {results.length > 0 && (
        <div className="space-y-1">
          <h2 className="font-medium" data-testid="bulk-summary">
            {fill(failed ? words.summaryFailed : words.summary, { done: results.length - failed, total: results.length, failed })}
          </h2>
          <div className="max-h-80 overflow-auto rounded border border-slate-200 bg-white">
            <table className="min-w-full text-sm">
              <caption className="sr-only">{words.resultCaption}</caption>
              <thead className="bg-slate-50">
                <tr>
                  {[words.resultStation, words.resultOutcome, words.resultDetail].map((label) => (
                    <th key={label} scope="col" className="px-2 py-1 text-left">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody data-testid="bulk-results">
                {results.map((r) => (
                  <tr key={r.id}>
                    <td className="px-2 py-1 whitespace-nowrap">{labels[r.id] ?? r.id}</td>
                    <td className={`px-2 py-1 font-medium ${r.ok ? 'text-emerald-800' : 'text-red-800'}`}>
                      {r.ok ? words.ok : words.error}
                    </td>
                    <td className="px-2 py-1">{r.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}

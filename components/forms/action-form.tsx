'use client';

import { createContext, startTransition, useActionState, useContext, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { ActionState, FormAction } from '@/lib/actions/define-action';

type FormContext = { state: ActionState; fields: Set<string>; pending: boolean };
const ActionFormContext = createContext<FormContext>({ state: null, fields: new Set(), pending: false });

type Props = {
  action: FormAction;
  children: ReactNode;
  className?: string;
  /** Shown after a success besides the toast, with the action's one-time data (an API key's secret). */
  onSuccess?: (state: Extract<ActionState, { ok: true }>) => ReactNode;
  /** Accessible name of the form. */
  label?: string;
};

/**
 * A form on a server action: field errors next to their fields (by JSON pointer, from the same zod
 * schemas as the API), a summary of the rest, a toast on success, and for a version conflict a
 * clear message with a reload instead of a silent overwrite.
 */
export function ActionForm({ action, children, className, onSuccess, label }: Props) {
  const [state, submit, pending] = useActionState(action, null);
  // Fields register their paths while rendering, so the summary lists only errors no field shows.
  const [fields] = useState(() => new Set<string>());
  // Submitted by hand rather than through `<form action>`: React resets a form after its action,
  // which would wipe what the user typed exactly when a field error asks them to correct it.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => submit(data));
  };
  return (
    <ActionFormContext value={{ state, fields, pending }}>
      <form onSubmit={onSubmit} className={className} aria-label={label} noValidate>
        {children}
        <ActionOutcome state={state} placed={fields} />
        {state?.ok && onSuccess?.(state)}
      </form>
    </ActionFormContext>
  );
}

/** Whether the surrounding ActionForm's action is running (for its submit button). */
export function useActionPending(): boolean {
  return useContext(ActionFormContext).pending;
}

/** The error of the field at `path` (e.g. `/address/city`) after the last submit, if any. */
export function useFieldError(path: string): string | undefined {
  const { state, fields } = useContext(ActionFormContext);
  fields.add(path);
  return state && !state.ok ? state.fieldErrors[path] : undefined;
}

/**
 * The result of a server action: a success toast, or the error with the field errors no field
 * shows itself (`placed`), and for a version conflict a reload button. Every word comes from the
 * server action, so forms ship no message formatter.
 */
export function ActionOutcome({ state, placed = new Set() }: { state: ActionState; placed?: Set<string> }) {
  if (!state) return null;
  if (state.ok) return <Toast state={state} />;
  const unplaced = Object.entries(state.fieldErrors).filter(([path]) => !placed.has(path));
  return (
    <div role="alert" data-testid="form-outcome" className="mt-2 rounded border border-red-200 bg-red-50 p-2 text-sm text-red-900">
      <p>{state.message}</p>
      {unplaced.length > 0 && (
        <ul className="list-disc pl-5">
          {unplaced.map(([path, message]) => (
            <li key={path}>
              {path}: {message}
            </li>
          ))}
        </ul>
      )}
      {state.reload && (
        <button type="button" onClick={() => window.location.reload()} className="mt-2 rounded border border-red-300 bg-white px-2 py-1">
          {state.reload}
        </button>
      )}
    </div>
  );
}

/** A success message: stays in the form for screen readers and tests, floats as a toast for a few seconds. */
function Toast({ state }: { state: Extract<ActionState, { ok: true }> }) {
  const { message } = state;
  // Each submit returns a new state object: float again for it, then settle.
  const [settled, setSettled] = useState<object | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(state), 4000);
    return () => clearTimeout(timer);
  }, [state]);
  const floating = settled !== state;
  return (
    <>
      <p role="status" data-testid="form-outcome" className="mt-2 text-sm text-emerald-800">
        {message}
      </p>
      {floating && (
        <div aria-hidden="true" className="fixed bottom-4 right-4 z-50 rounded bg-slate-900 px-4 py-2 text-sm text-white shadow-lg">
          {message}
        </div>
      )}
    </>
  );
}

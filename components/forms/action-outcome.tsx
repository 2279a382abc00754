import type { ActionState } from '@/lib/actions/define-action';

/** The result of a portal server action, announced to screen readers. */
export function ActionOutcome({ state }: { state: ActionState }) {
  if (!state) return null;
  return (
    <p role="status" data-testid="form-outcome" className={state.ok ? 'text-sm text-emerald-800' : 'text-sm text-red-800'}>
      {state.message}
      {!state.ok && Object.entries(state.fieldErrors).map(([path, message]) => ` ${path}: ${message}.`)}
    </p>
  );
}

import type { ActionState, FormAction } from '@/lib/actions/define-action';
import { navigationOutcome, signedIn, type NavigationOutcome } from './next-request';

export type FormFields = Record<string, string | string[]>;

/** Form fields as the browser posts them: a list is a repeated `name[]` (a checkbox group). */
export function formData(fields: FormFields): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const item of value) form.append(`${name}[]`, item);
    else form.append(name, value);
  }
  return form;
}

export type ActionOutcome = { state: ActionState } | NavigationOutcome;

/** Posts `fields` to a server action as the signed-in `userId` would; a redirect or 404 is an outcome too. */
export async function runAction(
  action: FormAction,
  userId: string | null,
  fields: FormFields,
  options: { focusTenantId?: string } = {},
): Promise<ActionOutcome> {
  const { result } = await signedIn(
    userId,
    async (): Promise<ActionOutcome> => {
      try {
        return { state: await action(null, formData(fields)) };
      } catch (error) {
        const outcome = navigationOutcome(error);
        if (!outcome) throw error;
        return outcome;
      }
    },
    options,
  );
  return result;
}

/** Whether the action did what it was asked (saved, or redirected to its result). */
export const succeeded = (outcome: ActionOutcome) => 'redirect' in outcome || ('state' in outcome && outcome.state?.ok === true);

/** Refused as a whole, or (a bulk action, which reports per row) in every row. */
export function refused(outcome: ActionOutcome): boolean {
  if ('redirect' in outcome || 'notFound' in outcome) return false;
  const state = outcome.state;
  if (!state?.ok) return true;
  const rows = Object.values(state.data ?? {});
  return rows.length > 0 && rows.every((row) => (JSON.parse(row) as { ok: boolean }).ok === false);
}

import { unstable_rethrow } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import type { AuthContext } from '@/lib/auth/context';
import { sessionContext } from '@/lib/auth/request-context';
import { AppError, type AppErrorCode } from '@/lib/errors';
import { issueWords } from '@/lib/i18n/issue-words';
import { fieldErrors } from '@/lib/schemas/parse';
import { retryOnce, unavailableError } from '@/lib/services/faults';

/** The translator of every portal message (no namespace). */
export type PortalTranslator = Awaited<ReturnType<typeof getTranslations<never>>>;

/** What a portal form gets back from its server action (for `useActionState`). */
export type ActionState =
  | { ok: true; message: string; data?: Record<string, string> }
  | {
      ok: false;
      code: AppErrorCode | 'internal';
      message: string;
      fieldErrors: Record<string, string>;
      /** For a version conflict: the label of the button that reloads the latest version. */
      reload?: string;
    }
  | null;

/** A server action as `useActionState` calls it. */
export type FormAction = (previous: ActionState, form: FormData) => Promise<ActionState>;

/**
 * The one wrapper of portal server actions, on the same context resolver as the API: the
 * signed-in user's AuthContext, the same zod validation (field errors by JSON pointer), the same
 * service verbs and AppErrors. A forged call without the permission gets the service's 403.
 */
export function defineAction<I, R>(definition: {
  schema: z.ZodType<I>;
  /** The service call; it may `redirect()` (e.g. to a created object), which is passed through. */
  run: (args: { ctx: AuthContext; input: I }) => Promise<R>;
  /** What the form says after success, in the user's language: `(t) => t('Users.saved')`. */
  success: (t: PortalTranslator) => string;
  /** Values the form shows once after success (a created API key's secret). */
  data?: (result: R) => Record<string, string>;
}) {
  const action: FormAction = async (_previous, form) => {
    const [t, locale] = await Promise.all([getTranslations('Form'), getLocale()]);
    try {
      const ctx = await retryOnce(sessionContext, 'reads');
      if (!ctx) return { ok: false, code: 'unauthorized', message: t('sessionEnded'), fieldErrors: {} };
      const parsed = definition.schema.safeParse(formObject(form));
      if (!parsed.success) {
        const words = issueWords(await getTranslations('Validation'), locale);
        const errors = Object.fromEntries(fieldErrors(parsed.error, '', words).map((e) => [e.path, e.message]));
        return { ok: false, code: 'validation', message: t('invalid'), fieldErrors: errors };
      }
      // A dropped connection before anything committed is retried once, as in the API.
      const result = await retryOnce(() => definition.run({ ctx, input: parsed.data }), 'writes');
      return { ok: true, message: definition.success(await getTranslations()), data: definition.data?.(result) };
    } catch (error) {
      unstable_rethrow(error);
      const unavailable = unavailableError(error);
      if (unavailable) {
        console.warn('server action answered unavailable: database fault');
        return { ok: false, code: unavailable.code, message: t('unavailable'), fieldErrors: {} };
      }
      if (!(error instanceof AppError)) {
        console.error('server action failed', error);
        return { ok: false, code: 'internal', message: t('internal'), fieldErrors: {} };
      }
      const errors = Object.fromEntries((error.extra.errors ?? []).map((e) => [e.path, e.message]));
      if (error.code === 'precondition_failed') {
        return { ok: false, code: error.code, message: t('conflict'), fieldErrors: errors, reload: t('reloadLatest') };
      }
      return { ok: false, code: error.code, message: error.detail, fieldErrors: errors };
    }
  };
  return action;
}

/** FormData as an object: repeated names (checkbox groups) become arrays; Next's own fields are dropped. */
function formObject(form: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION') || typeof value !== 'string') continue;
    if (key.endsWith('[]')) ((object[key.slice(0, -2)] ??= []) as string[]).push(value);
    else object[key] = value;
  }
  return object;
}

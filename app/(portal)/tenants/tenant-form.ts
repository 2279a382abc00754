import { AppError } from '@/lib/errors';
import { nullableText, optionalText, type FormFields } from '@/lib/actions/form-input';

/** The tenant form's strings as the API body (POST, or the full state sent as a PATCH). */
export function tenantBody(form: FormFields) {
  return {
    name: optionalText(form.name),
    slug: optionalText(form.slug),
    kind: optionalText(form.kind),
    external_id: nullableText(form.external_id),
  };
}

/** A slug clash (409) belongs next to the slug field, not only in the form's summary. */
export async function slugClashAtField<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict' && /slug/.test(error.detail)) {
      throw new AppError('conflict', error.detail, {
        ...error.extra,
        errors: [{ path: '/slug', message: 'already used by another tenant' }],
      });
    }
    throw error;
  }
}

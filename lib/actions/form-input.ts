import { z } from 'zod';

export type FormFields = Record<string, unknown>;

/**
 * A portal form validated by the API's own zod schema: `toBody` turns the form's strings into the
 * API body's shape first, so field errors carry the same JSON pointers as the API's 422
 * (`/address/city`, `/coordinates/latitude`) and a form field can show them by that path.
 */
export function formInput<T extends z.ZodType>(schema: T, toBody: (form: FormFields) => unknown) {
  return z.preprocess((value) => toBody((value ?? {}) as FormFields), schema);
}

/** A text field: trimmed; empty means "not given". */
export function optionalText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A text field that may be cleared: empty means null (merge patch / replace semantics). */
export function nullableText(value: unknown): string | null {
  return optionalText(value) ?? null;
}

/** A number field: empty is "not given"; anything unparsable is passed on so the schema reports it. */
export function optionalNumber(value: unknown): number | string | undefined {
  const text = optionalText(value);
  if (text === undefined) return undefined;
  const number = Number(text.replace(',', '.'));
  return Number.isFinite(number) ? number : text;
}

/** A checkbox group (`name[]`) or a comma/newline separated text field as a list of strings. */
export function stringList(value: unknown): string[] {
  if (Array.isArray(value))
    return value
      .map(String)
      .map((v) => v.trim())
      .filter(Boolean);
  if (typeof value !== 'string') return [];
  return value
    .split(/[\n,]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

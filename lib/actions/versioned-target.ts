import { z } from 'zod';

/**
 * The object a form acts on: its id and the version the form showed. The verb compares that
 * version like an API If-Match, so a form left open while someone else saved gets a 412, never
 * a silent overwrite.
 */
export const versionedRef = z.object({ id: z.string().min(1), version: z.coerce.number().int().positive() });

export type VersionedRef = z.infer<typeof versionedRef>;

/**
 * A form on an existing object: `versionedRef` plus the form's own fields (usually
 * `formInput(apiSchema, toBody)`, so field errors carry the API's JSON pointers). Both parse the
 * same form data, and the fields map only what they need, so a strict API schema never sees `id`
 * or `version`.
 */
export function versionedTarget<T extends z.ZodType>(fields: T) {
  return versionedRef.and(fields);
}

import { AppError } from '@/lib/errors';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7396 JSON merge patch: `null` removes, objects merge recursively, everything else replaces. */
export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    // defineProperty keeps a `__proto__` key an own property (strict schemas then reject it)
    // instead of replacing the result's prototype.
    else
      Object.defineProperty(result, key, {
        value: applyMergePatch(result[key], value),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return result;
}

/**
 * Removes read-only fields from a PUT/PATCH body. Echoing the current value is allowed; any other
 * value is a 422 naming each such field.
 */
export function stripReadOnly(
  body: Record<string, unknown>,
  current: Record<string, unknown>,
  readOnly: readonly string[],
): Record<string, unknown> {
  const rest = { ...body };
  const errors = [];
  for (const key of readOnly) {
    if (!(key in rest)) continue;
    if (JSON.stringify(rest[key]) !== JSON.stringify(current[key] ?? null)) {
      errors.push({ path: `/${key}`, message: 'is read-only' });
    }
    delete rest[key];
  }
  if (errors.length) throw new AppError('validation', 'The request changes read-only fields.', { errors });
  return rest;
}

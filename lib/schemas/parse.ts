import type { z } from 'zod';
import { AppError, type FieldError } from '@/lib/errors';

/** A zod issue path as a JSON pointer (RFC 6901), e.g. ['evses', 0, 'connectors'] → /evses/0/connectors. */
export function jsonPointer(path: readonly PropertyKey[], base = ''): string {
  return base + path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** Words for one issue; the API uses zod's (and the schemas' own) messages, portal forms their translation. */
export type IssueWords = (issue: z.core.$ZodIssue) => string;

const apiWords: IssueWords = (issue) => (issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message);

export function fieldErrors(error: z.ZodError, base = '', words: IssueWords = apiWords): FieldError[] {
  // A string failing its pattern or format is reported by that message, not also as too long.
  const explained = new Set(error.issues.filter((issue) => issue.code !== 'too_big').map((issue) => jsonPointer(issue.path)));
  const issues = error.issues.filter(
    (issue) => !(issue.code === 'too_big' && issue.origin === 'string' && explained.has(jsonPointer(issue.path))),
  );
  return issues.flatMap((issue) => {
    // Unknown keys are reported on the object; point at each key so every offending path is listed.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: jsonPointer([...issue.path, key], base), message: words(issue) }));
    }
    return [{ path: jsonPointer(issue.path, base), message: words(issue) }];
  });
}

/**
 * Parses with `schema` or throws an AppError listing every invalid path: `validation` (422) for
 * bodies, `bad_request` (400) for query strings.
 */
export function parseOrThrow<T extends z.ZodType>(
  schema: T,
  data: unknown,
  code: 'validation' | 'bad_request' = 'validation',
  base = '',
): z.output<T> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error, base);
  const detail = code === 'validation' ? 'The request body is invalid.' : 'The query parameters are invalid.';
  throw new AppError(code, detail, { errors });
}

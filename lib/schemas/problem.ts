import { z } from 'zod';
import type { FieldError } from '@/lib/errors';
import { int } from './common';

/** A problem lists at most this many errors; the rest are dropped (a 1 MiB body can hold thousands). */
export const PROBLEM_ERRORS_MAX = 1000;
const ERROR_PATH_MAX = 1024;
const ERROR_MESSAGE_MAX = 1000;

const truncate = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/**
 * The field errors a problem body carries, within the bounds the document states: at most
 * PROBLEM_ERRORS_MAX, each path and message cut to length (an unknown key may be very long).
 */
export const boundedFieldErrors = (errors: FieldError[]): FieldError[] =>
  errors
    .slice(0, PROBLEM_ERRORS_MAX)
    .map((e) => ({ path: truncate(e.path, ERROR_PATH_MAX), message: truncate(e.message, ERROR_MESSAGE_MAX) }));

/** RFC 9457 problem details, as every error of the API is answered. */
export const problemSchema = z
  .object({
    type: z.string().max(255).describe('A URI reference naming the kind of problem'),
    title: z.string().max(255),
    status: int(400, 599),
    detail: z.string().max(2000),
    errors: z
      .array(
        z.object({
          path: z.string().max(ERROR_PATH_MAX).describe('JSON pointer to the offending value'),
          message: z.string().max(ERROR_MESSAGE_MAX),
        }),
      )
      .max(PROBLEM_ERRORS_MAX)
      .optional()
      .describe(`Every invalid field or parameter (the first ${PROBLEM_ERRORS_MAX})`),
    existing_id: z.string().max(255).optional().describe('On 409: the id of the object the request clashed with'),
    request_id: z.string().max(128).optional().describe('On 500: quote it when reporting the failure'),
  })
  .meta({
    id: 'Problem',
    example: { type: '/docs#problem-not_found', title: 'Not found', status: 404, detail: 'Location not found' },
  });

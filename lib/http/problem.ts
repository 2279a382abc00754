import type { AppError, AppErrorCode } from '@/lib/errors';
import { boundedFieldErrors } from '@/lib/schemas/problem';

export const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation: 422,
  rate_limited: 429,
  service_unavailable: 503,
};

const TITLES: Record<AppErrorCode, string> = {
  bad_request: 'Bad request',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  not_found: 'Not found',
  conflict: 'Conflict',
  precondition_failed: 'Precondition failed',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  validation: 'Validation failed',
  rate_limited: 'Too many requests',
  service_unavailable: 'Service unavailable',
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: { path: string; message: string }[];
  existing_id?: string;
  request_id?: string;
};

const problemResponse = (problem: Problem, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });

/** RFC 9457 problem+json for an AppError. */
export function appErrorResponse(error: AppError, requestId: string): Response {
  const status = STATUS_BY_CODE[error.code];
  const headers: Record<string, string> = { 'x-request-id': requestId };
  if (error.code === 'unauthorized') headers['www-authenticate'] = 'Bearer';
  if (error.extra.retryAfter !== undefined) headers['retry-after'] = String(error.extra.retryAfter);
  return problemResponse(
    {
      type: `/docs#problem-${error.code}`,
      title: TITLES[error.code],
      status,
      detail: error.detail,
      ...(error.extra.errors ? { errors: boundedFieldErrors(error.extra.errors) } : {}),
      ...(error.extra.existingId ? { existing_id: error.extra.existingId } : {}),
    },
    headers,
  );
}

/** A 500 says only that something failed and which request it was; details go to the log. */
export function internalErrorResponse(requestId: string): Response {
  return problemResponse(
    {
      type: '/docs#problem-internal',
      title: 'Internal server error',
      status: 500,
      detail: `The request failed. Quote request id ${requestId} when reporting it.`,
      request_id: requestId,
    },
    { 'x-request-id': requestId },
  );
}

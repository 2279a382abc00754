/** The closed list of failures a service can report; lib/http maps each to a status code. */
export type AppErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'validation'
  | 'rate_limited'
  | 'service_unavailable';

export type FieldError = { path: string; message: string };

export type AppErrorExtra = {
  /** Every offending field as a JSON pointer (422 / 400). */
  errors?: FieldError[];
  /** The row a unique clash collided with (409). */
  existingId?: string;
  /** Seconds until the caller may retry (429, 503). */
  retryAfter?: number;
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    readonly detail: string,
    readonly extra: AppErrorExtra = {},
  ) {
    super(detail);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found`);

import { databaseFault, RETRY_AFTER_SECONDS, type DatabaseFault } from '@/lib/db/faults';
import { AppError } from '@/lib/errors';

const DETAIL: Record<DatabaseFault, string> = {
  connection: 'The database is not reachable right now. Try again in a few seconds.',
  timeout: 'The database took too long to answer. Try again in a few seconds.',
  conflict: 'The request collided with a concurrent change. Try again.',
};

/**
 * A database fault (unreachable, dropped connection, statement or lock timeout, serialization
 * failure) as the 503 AppError callers answer with Retry-After; null for any other error. The
 * detail names the kind of fault only: nothing of the driver's message reaches a client.
 */
export function unavailableError(error: unknown): AppError | null {
  const fault = databaseFault(error);
  return fault ? new AppError('service_unavailable', DETAIL[fault], { retryAfter: RETRY_AFTER_SECONDS[fault] }) : null;
}

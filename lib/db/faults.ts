import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What went wrong with the database, as far as a caller must know:
 * - `connection`: the database could not be reached or dropped the connection;
 * - `timeout`: a statement ran past `statement_timeout` or waited past `lock_timeout`;
 * - `conflict`: the transaction lost a serialization check or a deadlock and was rolled back.
 * Each is temporary: the answer is 503 with Retry-After, never 500.
 */
export type DatabaseFault = 'connection' | 'timeout' | 'conflict';

/** postgres.js's own codes for a connection that could not be opened or was lost, and Node's socket errors. */
const CONNECTION_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** SQLSTATEs that end or refuse the session (class 08 is matched by prefix). */
const CONNECTION_STATES = new Set([
  '57P01', // admin_shutdown (pg_terminate_backend, a fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovering)
  '57P05', // idle_session_timeout
  '25P03', // idle_in_transaction_session_timeout
  '53300', // too_many_connections
]);

const TIMEOUT_STATES = new Set(['57014', '55P03']); // query_canceled (statement_timeout), lock_not_available
const CONFLICT_STATES = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

/** The fault behind `error` (drizzle wraps the driver's error in `cause`), or null for anything else. */
export function databaseFault(error: unknown): DatabaseFault | null {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
    const { code, syscall } = cause as { code?: unknown; syscall?: unknown };
    if (typeof code !== 'string') continue;
    // A Unix socket whose server is not running (the embedded database); other ENOENTs are files.
    if (code === 'ENOENT' && syscall === 'connect') return 'connection';
    if (CONNECTION_CODES.has(code) || CONNECTION_STATES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return 'connection';
    if (TIMEOUT_STATES.has(code)) return 'timeout';
    if (CONFLICT_STATES.has(code)) return 'conflict';
  }
  return null;
}

/** What the transactions of one attempt did: a retry is safe only while nothing may have committed. */
type Attempt = { committed: boolean; uncertain: boolean; rolledBack: WeakSet<object> };
const attempts = new AsyncLocalStorage<Attempt>();

/**
 * Called by the write-transaction helper: `committed` after COMMIT succeeded; `rolled-back` with the
 * error of a transaction that failed before COMMIT was sent (postgres.js rolled it back, or the
 * server did as the connection died); `uncertain` when COMMIT itself failed — it may have committed.
 */
export function noteTransaction(outcome: 'committed' | 'uncertain' | 'rolled-back', error?: unknown): void {
  const attempt = attempts.getStore();
  if (!attempt) return;
  if (outcome === 'committed') attempt.committed = true;
  else if (outcome === 'uncertain') attempt.uncertain = true;
  else if (error instanceof Error) attempt.rolledBack.add(error);
}

/** Pause before the one retry: long enough for a pool to drop its dead connections. */
const RETRY_DELAY_MS = 150;

/**
 * Runs `work`, and once more when it failed on a dropped connection or a lost serialization check
 * and running it again cannot apply anything twice:
 * - `reads` (GET, HEAD, authentication): nothing of this attempt committed;
 * - otherwise (writes): nothing committed, no COMMIT was in doubt, and the failure came out of a
 *   write transaction that never reached COMMIT — a lone statement outside one could have applied.
 */
export async function retryOnce<T>(work: () => Promise<T>, kind: 'reads' | 'writes'): Promise<T> {
  const attempt: Attempt = { committed: false, uncertain: false, rolledBack: new WeakSet() };
  try {
    return await attempts.run(attempt, work);
  } catch (error) {
    const fault = databaseFault(error);
    const retryable =
      (fault === 'connection' || fault === 'conflict') &&
      !attempt.committed &&
      !attempt.uncertain &&
      (kind === 'reads' || (error instanceof Error && attempt.rolledBack.has(error)));
    if (!retryable) throw error;
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
    return attempts.run({ committed: false, uncertain: false, rolledBack: new WeakSet() }, work);
  }
}

/** Seconds a client should wait before trying again after a fault. */
export const RETRY_AFTER_SECONDS: Record<DatabaseFault, number> = { connection: 3, timeout: 5, conflict: 1 };

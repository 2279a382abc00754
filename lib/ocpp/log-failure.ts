import { databaseFault } from '@/lib/services/faults';

/**
 * Logs a failed piece of gateway work: a database fault (unreachable, timeout) as one line — the
 * work is tried again by its loop or its station — anything else with its stack.
 */
export function logFailure(what: string, error: unknown): void {
  const fault = databaseFault(error);
  if (fault) console.warn(`${what}: database ${fault} fault`);
  else console.error(what, error);
}

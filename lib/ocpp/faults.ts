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

/** Pause between attempts to store what must not be lost while the database is away. */
const STORE_RETRY_MS = 500;

/**
 * Runs `work` until the database takes it: a station's answer, its connect-time reconciliation or
 * its going offline is not dropped because the database was away for a moment. Any other error,
 * or a fault once `giveUp()` says so (the gateway stops, the station is back), is thrown.
 */
export async function untilStored<T>(work: () => Promise<T>, giveUp: () => boolean): Promise<T> {
  for (;;) {
    try {
      return await work();
    } catch (error) {
      if (giveUp() || !databaseFault(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, STORE_RETRY_MS));
    }
  }
}

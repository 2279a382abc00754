import { getTelemetryDb, type Database, type Tx } from '@/lib/db/client';

/**
 * Writes of station telemetry (statuses, heard times, the frame log, which gateway holds a socket)
 * go through the telemetry pool, whose commits do not wait for the WAL flush (lib/db/client.ts):
 * at a thousand reports a second the flush per commit would be the bottleneck.
 */
export const telemetryDb = (): Database => getTelemetryDb();

/** Several telemetry statements that must commit together. */
export function telemetryWrite<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return getTelemetryDb().transaction(work);
}

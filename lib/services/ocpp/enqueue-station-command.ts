import { sql } from 'drizzle-orm';
import type { Queryable } from '@/lib/db/client';
import { stationCommands, type StationCommandRow } from '@/lib/db/schema';
import type { StationCommandKind } from '@/lib/domain/vocabulary';

/** The NOTIFY channel that wakes the gateway holding a station (docs/OCPP.md#commands). */
export const STATION_COMMANDS_CHANNEL = 'station_commands';

export type EnqueueStationCommand = {
  stationId: string;
  kind: StationCommandKind;
  payload?: Record<string, unknown>;
  /** actorRef() of the person or key, or `gateway` for what a gateway sends on its own. */
  requestedBy: string;
  testRunId?: string;
  /** Not sent by then → TIMED_OUT. */
  expiresAt?: Date;
};

/**
 * Queues a command for a station inside the caller's transaction (the change it carries and its
 * audit event commit with it). The notification is delivered at commit and only wakes the gateway:
 * the row is the command, so a lost notification delays it until the next poll and loses nothing.
 */
export async function enqueueStationCommand(tx: Queryable, command: EnqueueStationCommand): Promise<StationCommandRow> {
  const [row] = await tx
    .insert(stationCommands)
    .values({
      stationId: command.stationId,
      kind: command.kind,
      payload: command.payload ?? {},
      requestedBy: command.requestedBy,
      testRunId: command.testRunId,
      expiresAt: command.expiresAt,
    })
    .returning();
  await tx.execute(sql`select pg_notify(${STATION_COMMANDS_CHANNEL}, ${command.stationId})`);
  return row!;
}

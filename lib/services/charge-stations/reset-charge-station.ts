import { eq } from 'drizzle-orm';
import { actorRef, requirePermission, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { stationCommands, type StationCommandRow } from '@/lib/db/schema';
import type { ResetInput, StationCommand } from '@/lib/schemas/charge-station';
import { enqueueStationCommand } from '@/lib/services/ocpp/enqueue-station-command';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { toStationCommand } from './command-record';
import { getStationRowOrThrow } from './station-record';

/** A reset not sent within this time is dropped (TIMED_OUT): a reboot asked for long ago should not happen now. */
const RESET_EXPIRES_MS = 10 * 60_000;
const POLL_MS = 100;
const OPEN_STATUSES: StationCommandRow['status'][] = ['QUEUED', 'SENT'];

/**
 * POST /api/v2/charge-stations/{id}/reset: queues a `reset` command with its audit event, then
 * waits up to `waitMs` for the station's answer. A station that is not connected cannot answer, so
 * the command comes back QUEUED at once (it is sent if the station connects before it expires).
 */
export async function resetChargeStation({
  ctx,
  id,
  input,
  waitMs = 5_000,
}: {
  ctx: AuthContext;
  id: string;
  input: ResetInput;
  waitMs?: number;
}): Promise<StationCommand> {
  const { command, connected } = await writeTransaction(async (tx) => {
    const row = await getStationRowOrThrow(tx, ctx, id);
    requirePermission(ctx, 'station:write', row.tenantId);
    const command = await enqueueStationCommand(tx, {
      stationId: id,
      kind: 'reset',
      payload: { type: input.type },
      requestedBy: actorRef(ctx.actor),
      expiresAt: new Date(Date.now() + RESET_EXPIRES_MS),
    });
    await recordAudit(tx, ctx, {
      action: 'charge_station.reset_requested',
      entity: 'charge_station',
      entityId: id,
      tenantId: row.tenantId,
      after: { reset: input.type, command_id: command.id },
    });
    return { command, connected: row.connected };
  });
  return toStationCommand(connected ? await awaitOutcome(command, Date.now() + waitMs) : command);
}

/** The command once it is final, or as it is at the deadline. */
async function awaitOutcome(command: StationCommandRow, deadline: number): Promise<StationCommandRow> {
  let current = command;
  while (OPEN_STATUSES.includes(current.status) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(POLL_MS, Math.max(0, deadline - Date.now()))));
    const [row] = await getDb().select().from(stationCommands).where(eq(stationCommands.id, command.id));
    if (!row) break;
    current = row;
  }
  return current;
}

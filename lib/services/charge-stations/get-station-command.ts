import { and, eq } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { stationCommands } from '@/lib/db/schema';
import { isUuid } from '@/lib/domain/ids';
import { notFound } from '@/lib/errors';
import type { StationCommand } from '@/lib/schemas/charge-station';
import { toStationCommand } from './command-record';
import { getStationRowOrThrow } from './station-record';

/** GET /api/v2/charge-stations/{id}/commands/{command_id}: one command of a station the caller sees. */
export async function getStationCommand({
  ctx,
  id,
  commandId,
}: {
  ctx: AuthContext;
  id: string;
  commandId: string;
}): Promise<StationCommand> {
  await getStationRowOrThrow(getDb(), ctx, id);
  if (!isUuid(commandId)) throw notFound('Station command');
  const [row] = await getDb()
    .select()
    .from(stationCommands)
    .where(and(eq(stationCommands.id, commandId), eq(stationCommands.stationId, id)));
  if (!row) throw notFound('Station command');
  return toStationCommand(row);
}

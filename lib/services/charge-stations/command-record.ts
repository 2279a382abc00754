import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/lib/db/client';
import { stationCommands, type StationCommandRow } from '@/lib/db/schema';
import type { StationCommandKind } from '@/lib/domain/vocabulary';
import type { StationCommand } from '@/lib/schemas/charge-station';

const iso = (at: Date | null) => at?.toISOString() ?? null;

/** The API representation of a command row (who asked, the test run and the gateway stay internal). */
export const toStationCommand = (row: StationCommandRow): StationCommand => ({
  id: row.id,
  station_id: row.stationId,
  kind: row.kind,
  status: row.status,
  payload: row.payload,
  response: row.response,
  error: row.error,
  attempts: row.attempts,
  created_at: row.createdAt.toISOString(),
  sent_at: iso(row.sentAt),
  finished_at: iso(row.finishedAt),
  expires_at: iso(row.expiresAt),
});

/** Whether a command of this kind is still queued or in flight for the station. */
export async function hasOpenCommand(db: Queryable, stationId: string, kind: StationCommandKind): Promise<boolean> {
  const [open] = await db
    .select({ id: stationCommands.id })
    .from(stationCommands)
    .where(
      and(eq(stationCommands.stationId, stationId), eq(stationCommands.kind, kind), inArray(stationCommands.status, ['QUEUED', 'SENT'])),
    )
    .limit(1);
  return open !== undefined;
}

import { and, eq } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { stationCommands, type StationCommandRow } from '@/lib/db/schema';
import type { StationCommand, StationLogQuery } from '@/lib/schemas/charge-station';
import { keyset } from '@/lib/services/shared/keyset';
import { toStationCommand } from './command-record';
import { getStationRowOrThrow } from './station-record';

const SORTS = {
  created_at: { column: stationCommands.createdAt, value: (row: StationCommandRow) => row.createdAt.toISOString(), timestamp: true },
};

/** GET /api/v2/charge-stations/{id}/commands: the station's commands, newest first (404 outside the caller's scope). */
export async function listStationCommands({
  ctx,
  id,
  query,
}: {
  ctx: AuthContext;
  id: string;
  query: StationLogQuery;
}): Promise<{ data: StationCommand[]; next_cursor: string | null }> {
  await getStationRowOrThrow(getDb(), ctx, id);
  const { after, orderBy, page } = await keyset({
    sorts: SORTS,
    sort: '-created_at',
    idColumn: stationCommands.id,
    cursor: query.cursor,
    binding: { ctx, endpoint: 'charge-station-commands', filters: { station: id } },
  });
  const records = await getDb()
    .select()
    .from(stationCommands)
    .where(and(eq(stationCommands.stationId, id), after))
    .orderBy(...orderBy)
    .limit(query.limit + 1);
  const { rows, next_cursor } = page(records, query.limit, (row) => row);
  return { data: rows.map(toStationCommand), next_cursor };
}

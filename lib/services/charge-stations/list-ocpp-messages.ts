import { and, desc, eq, sql } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { ocppMessages, type OcppMessageRow } from '@/lib/db/schema';
import type { OcppMessage, StationLogQuery } from '@/lib/schemas/charge-station';
import { decodeCursor, encodeCursor, type CursorBinding } from '@/lib/services/shared/cursor';
import { getStationRowOrThrow } from './station-record';

const toOcppMessage = (row: OcppMessageRow): OcppMessage => ({
  at: row.at.toISOString(),
  direction: row.direction,
  message_type: row.messageType,
  action: row.action,
  message_id: row.messageId,
  payload: row.payload,
  latency_ms: row.latencyMs,
});

/**
 * GET /api/v2/charge-stations/{id}/ocpp-messages: the station's OCPP frames, newest first (404
 * outside the caller's scope). Pages by the log's own sequence, which is the order frames were stored.
 */
export async function listOcppMessages({
  ctx,
  id,
  query,
}: {
  ctx: AuthContext;
  id: string;
  query: StationLogQuery;
}): Promise<{ data: OcppMessage[]; next_cursor: string | null }> {
  await getStationRowOrThrow(getDb(), ctx, id);
  const binding: CursorBinding = { ctx, endpoint: 'charge-station-ocpp-messages', filters: { station: id } };
  const before = query.cursor ? Number(decodeCursor(query.cursor, binding).id) : undefined;
  const records = await getDb()
    .select()
    .from(ocppMessages)
    .where(and(eq(ocppMessages.stationId, id), before === undefined ? undefined : sql`${ocppMessages.id} < ${before}`))
    .orderBy(desc(ocppMessages.id))
    .limit(query.limit + 1);
  const rows = records.slice(0, query.limit);
  const last = rows.at(-1);
  const next_cursor = records.length > query.limit && last ? encodeCursor({ value: null, id: String(last.id) }, binding) : null;
  return { data: rows.map(toOcppMessage), next_cursor };
}

import { sql } from 'drizzle-orm';
import { telemetryDb } from './telemetry-write';
import type { OCPP_DIRECTIONS, OCPP_MESSAGE_TYPES } from '@/lib/domain/vocabulary';

export type OcppMessageEntry = {
  stationId: string;
  at: Date;
  direction: (typeof OCPP_DIRECTIONS)[number];
  messageType: (typeof OCPP_MESSAGE_TYPES)[number];
  action: string | null;
  messageId: string;
  payload: unknown;
  latencyMs: number | null;
};

/**
 * One statement for a batch of logged frames. Frames of a station deleted meanwhile are skipped
 * rather than failing the batch on the foreign key.
 */
export async function writeOcppMessages(entries: OcppMessageEntry[]): Promise<void> {
  if (!entries.length) return;
  const rows = entries.map((entry) => ({
    station_id: entry.stationId,
    at: entry.at.toISOString(),
    direction: entry.direction,
    message_type: entry.messageType,
    action: entry.action,
    message_id: entry.messageId,
    payload: entry.payload ?? null,
    latency_ms: entry.latencyMs,
  }));
  await telemetryDb().execute(sql`
    insert into ocpp_messages (station_id, at, direction, message_type, action, message_id, payload, latency_ms)
    select m.station_id, m.at, m.direction, m.message_type, m.action, m.message_id, coalesce(m.payload, 'null'::jsonb), m.latency_ms
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
           as m(station_id uuid, at timestamptz, direction text, message_type text, action text, message_id text, payload jsonb, latency_ms integer)
     where exists (select 1 from charge_stations s where s.id = m.station_id)`);
}

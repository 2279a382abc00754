import { sql } from 'drizzle-orm';
import { telemetryDb } from './telemetry-write';

/**
 * The last time anything was heard from each station, for many stations in one statement (the
 * gateway collects them and writes about twice a second). A time never moves backwards.
 */
export async function recordHeartbeats(heard: { stationId: string; at: Date }[]): Promise<void> {
  if (!heard.length) return;
  const rows = heard.map((entry) => ({ station_id: entry.stationId, at: entry.at.toISOString() }));
  await telemetryDb().execute(sql`
    update charge_stations s
       set last_heartbeat_at = h.at
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as h(station_id uuid, at timestamptz)
     where s.id = h.station_id and (s.last_heartbeat_at is null or s.last_heartbeat_at < h.at)`);
}

import { sql } from 'drizzle-orm';
import { telemetryDb } from './telemetry-write';

/**
 * The last time anything was heard from each station, for many stations in one statement (the
 * gateway collects them and writes about twice a second). A time never moves backwards.
 */
export async function recordHeartbeats(heard: { stationId: string; at: Date }[]): Promise<void> {
  if (!heard.length) return;
  const rows = heard.map((entry) => ({ station_id: entry.stationId, at: entry.at.toISOString() }));
  // Rows locked in id order, as the status batches lock them: two batches never wait on each other in a circle.
  await telemetryDb().execute(sql`
    with h as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as h(station_id uuid, at timestamptz)
    ), locked as (
      select s.id, h.at from charge_stations s join h on h.station_id = s.id
       where s.last_heartbeat_at is null or s.last_heartbeat_at < h.at
       order by s.id for no key update of s
    )
    update charge_stations s set last_heartbeat_at = l.at from locked l where s.id = l.id`);
}

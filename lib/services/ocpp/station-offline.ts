import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/lib/db/client';
import { writeStationEvents } from './station-events';

/*
 * What "the station is offline" writes, for the disconnect, the dead-gateway sweep and a stopping
 * gateway alike: one conditional UPDATE of the stations chosen by `condition`, and in the same
 * statement their EVSEs' availability_sync.
 */
const releaseStationsWhere = (condition: SQL) => sql`
  with released as (
    update charge_stations
       set connected = false,
           gateway_id = null,
           availability_sync = 'OFFLINE',
           configuration_sync = (select coalesce(jsonb_object_agg(key, 'OFFLINE'), '{}'::jsonb) from jsonb_each(configuration_sync))
     where ${condition}
     returning id
  ), evses_offline as (
    update evses set availability_sync = 'OFFLINE' where station_id in (select id from released)
  )
  select id from released`;

/** Marks the stations chosen by `condition` offline, with their `charge_station.disconnected` events; returns their ids. */
export function releaseStations(db: Database, condition: SQL): Promise<string[]> {
  return db.transaction(async (tx) => {
    const released = (await tx.execute<{ id: string }>(releaseStationsWhere(condition))).map((row) => row.id);
    await writeStationEvents(tx, 'charge_station.disconnected', released);
    return released;
  });
}

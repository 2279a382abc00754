import { sql, type SQL } from 'drizzle-orm';

/*
 * What "the station is offline" writes, for the disconnect, the dead-gateway sweep and a stopping
 * gateway alike: one conditional UPDATE of the stations chosen by `condition`, and in the same
 * statement their EVSEs' availability_sync.
 */
export const releaseStationsWhere = (condition: SQL) => sql`
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

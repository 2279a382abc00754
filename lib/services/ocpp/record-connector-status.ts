import { sql } from 'drizzle-orm';
import type { EvseStatus } from '@/lib/domain/vocabulary';
import type { Queryable } from '@/lib/db/client';
import { hasSubscribers, writeStationEvents } from './station-events';
import { telemetryDb, telemetryWrite } from './telemetry-write';

const PRECEDENCE: EvseStatus[] = ['OUTOFORDER', 'CHARGING', 'RESERVED', 'AVAILABLE', 'INOPERATIVE'];

/**
 * The aggregate of the `status` column over a group: UNKNOWN until something is reported, then the
 * first of OUTOFORDER, CHARGING, RESERVED, AVAILABLE, INOPERATIVE that any has.
 */
const aggregate = sql.raw(
  `case ${PRECEDENCE.map((status) => `when bool_or(status = '${status}') then '${status}'`).join(' ')} else 'UNKNOWN' end`,
);

export type ConnectorStatusRow = {
  stationId: string;
  connector: number;
  reportedStatus: string;
  errorCode: string | null;
  at: Date;
  status: EvseStatus;
};

/**
 * Status reports of many stations in one statement (StatusNotification is the most frequent write
 * after the heartbeat): each connector's reported status, then its EVSE's status over its connectors
 * and the station's over its EVSEs, rewritten only where the aggregate changes. The stations are
 * locked first, in id order (the heard-time batches do the same), and only against writers: NO KEY
 * UPDATE lets the frame log's inserts, which only check the stations exist, pass. `statusMap` maps
 * the protocol's status words to OCPI, so connectors reported earlier aggregate the same way.
 * Connector 0 and numbers a station has no connector for change no row. At most one report per
 * station per call (the caller serializes a station's reports). Returns each report's EVSE, or null.
 */
export async function recordConnectorStatuses(
  reports: ConnectorStatusRow[],
  statusMap: Readonly<Record<string, EvseStatus>>,
): Promise<({ evseUid: string } | null)[]> {
  const input = reports.map((r, i) => ({
    i,
    station_id: r.stationId,
    connector: r.connector,
    reported_status: r.reportedStatus,
    error_code: r.errorCode,
    at: r.at.toISOString(),
    status: r.status,
  }));
  // The status_changed events are written with the change when someone subscribes to them.
  const wanted = await hasSubscribers(telemetryDb(), 'charge_station.status_changed');
  const write = (db: Queryable) =>
    db.execute<{ i: number | null; evse_uid: string | null; changed: string | null }>(sql`
    with input as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
        as i(i int, station_id uuid, connector int, reported_status text, error_code text, at timestamptz, status text)
    ), locked as (
      select s.id from charge_stations s where s.id in (select station_id from input) order by s.id for no key update
    ), numbered as (
      select c.evse_uid, c.id, e.station_id,
             row_number() over (partition by e.station_id order by e.position, c.position, c.id) as number
        from connectors c join evses e on e.uid = c.evse_uid
       where e.station_id in (select id from locked)
    ), target as (
      select n.evse_uid, n.id as connector_id, i.* from numbered n join input i on i.station_id = n.station_id and i.connector = n.number
    ), connector_written as (
      update connectors c
         set reported_status = t.reported_status, reported_error_code = t.error_code, reported_at = t.at
        from target t
       where c.evse_uid = t.evse_uid and c.id = t.connector_id
    ), evse_status as (
      select q.evse_uid, ${aggregate} as status
        from (select c.evse_uid,
                     case when c.id = t.connector_id then t.status
                          else coalesce(${JSON.stringify(statusMap)}::jsonb ->> c.reported_status, 'UNKNOWN') end as status
                from connectors c join target t on c.evse_uid = t.evse_uid
               where c.id = t.connector_id or c.reported_status is not null) q
       group by q.evse_uid
    ), evse_written as (
      update evses e set status = es.status
        from evse_status es
       where e.uid = es.evse_uid and e.status is distinct from es.status
    ), station_status as (
      select q.station_id, ${aggregate} as status
        from (select e.station_id, coalesce(es.status, e.status) as status
                from evses e left join evse_status es on es.evse_uid = e.uid
               where e.station_id in (select station_id from target)) q
       group by q.station_id
    ), station_written as (
      -- Only when it changes: the station row has many indexes and most reports change no aggregate.
      update charge_stations s set status = ss.status
        from station_status ss
       where s.id = ss.station_id and s.status is distinct from ss.status
       returning s.id
    )
    select i, evse_uid, null::uuid as changed from target
    union all select null, null, id from station_written`);
  const rows = wanted
    ? await telemetryWrite(async (tx) => {
        const written = await write(tx);
        const changed = written.flatMap((row) => (row.changed ? [row.changed] : []));
        await writeStationEvents(tx, 'charge_station.status_changed', changed);
        return written;
      })
    : await write(telemetryDb());
  const byIndex = new Map(rows.flatMap((row) => (row.i === null ? [] : [[row.i, row.evse_uid!] as const])));
  return reports.map((_, i) => (byIndex.has(i) ? { evseUid: byIndex.get(i)! } : null));
}

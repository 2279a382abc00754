import { sql, type SQL } from 'drizzle-orm';
import type { EvseStatus } from '@/lib/domain/vocabulary';
import { telemetryDb } from './telemetry-write';

const PRECEDENCE: EvseStatus[] = ['OUTOFORDER', 'CHARGING', 'RESERVED', 'AVAILABLE', 'INOPERATIVE'];

/**
 * An aggregate over `status` values of `rows`: UNKNOWN until something is reported, then the first
 * of OUTOFORDER, CHARGING, RESERVED, AVAILABLE, INOPERATIVE that any has.
 */
const aggregate = (rows: SQL) => sql`(select case
    ${sql.join(
      PRECEDENCE.map((status) => sql`when bool_or(q.status = ${status}) then ${status}`),
      sql` `,
    )}
    else 'UNKNOWN' end from (${rows}) q)`;

/**
 * A connector's reported status, then its EVSE's status over its connectors and the station's over
 * its EVSEs, in one statement (StatusNotification is the most frequent write after the heartbeat).
 * `statusMap` maps the protocol's status words to OCPI, so connectors reported earlier aggregate the
 * same way. Connector 0 (the station itself) and numbers the station has no connector for change no
 * row. Returns the EVSE the connector belongs to. The caller serializes a station's reports: two at
 * once would each aggregate the other's old status.
 */
export async function recordConnectorStatus(args: {
  stationId: string;
  connector: number;
  reportedStatus: string;
  errorCode: string | null;
  at: Date;
  status: EvseStatus;
  statusMap: Readonly<Record<string, EvseStatus>>;
}): Promise<{ evseUid: string } | null> {
  if (args.connector < 1) return null;
  const mapped = (column: SQL) => sql`coalesce(${JSON.stringify(args.statusMap)}::jsonb ->> ${column}, 'UNKNOWN')`;
  const [row] = await telemetryDb().execute<{ evse_uid: string }>(sql`
    with target as (
      select c.evse_uid, c.id
        from connectors c join evses e on e.uid = c.evse_uid
       where e.station_id = ${args.stationId}
       order by e.position, c.position, c.id
      offset ${args.connector - 1} limit 1
    ), connector_written as (
      update connectors c
         set reported_status = ${args.reportedStatus}, reported_error_code = ${args.errorCode}, reported_at = ${args.at.toISOString()}::timestamptz
        from target t
       where c.evse_uid = t.evse_uid and c.id = t.id
    ), evse_status as (
      select ${aggregate(sql`
        select case when c.id = t.id then ${args.status} else ${mapped(sql`c.reported_status`)} end as status
          from connectors c join target t on c.evse_uid = t.evse_uid
         where c.id = t.id or c.reported_status is not null`)} as status
    ), evse_written as (
      update evses e set status = es.status
        from evse_status es, target t
       where e.uid = t.evse_uid and e.status is distinct from es.status
    ), station_status as (
      select ${aggregate(sql`
        select case when e.uid = t.evse_uid then (select status from evse_status) else e.status end as status
          from evses e cross join target t
         where e.station_id = ${args.stationId}`)} as status
    ), station_written as (
      -- Only when it changes: the station row has many indexes and most reports change no aggregate.
      update charge_stations s set status = ss.status
        from station_status ss
       where s.id = ${args.stationId} and exists (select 1 from target) and s.status is distinct from ss.status
    )
    select evse_uid from target`);
  return row ? { evseUid: row.evse_uid } : null;
}

import { and, count, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { requirePermission, visibility, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { chargeStations, evses, locations, tenants } from '@/lib/db/schema';
import type { Availability, EvseStatus } from '@/lib/domain/vocabulary';
import { visibleCondition } from '@/lib/services/shared/scope';

/** A station counts as offline when not connected or silent for longer than this (a few missed heartbeats). */
export const OFFLINE_AFTER = sql`interval '15 minutes'`;

export type DashboardSummary = {
  /** When the counts were taken. */
  at: Date;
  locations: number;
  stations: number;
  evses: number;
  /** Connected and heard within OFFLINE_AFTER. */
  connected: number;
  /** Not connected, never heard, or silent for OFFLINE_AFTER. */
  offline: number;
  /** Of the offline ones, those never heard (offlineStations lists only the others). */
  neverHeard: number;
  /** The station reports OUTOFORDER (itself or any of its EVSEs: the station's status is their aggregate). */
  faulted: number;
  byStatus: { status: EvseStatus; count: number }[];
  byAvailability: { availability: Availability; count: number }[];
  /** Stations by status per tenant, the tenants with the most stations first (at most TENANTS_LISTED). */
  byTenant: TenantStatusCounts[];
  /** How many tenants have stations in scope (byTenant may show fewer). */
  tenantCount: number;
  /** The last 24 hours, oldest hour first. */
  connectivity: ConnectivityHour[];
  /** The latest connector status changes of the last 24 hours, newest first. */
  recentChanges: StatusChange[];
  /** Up to 10 of each, for the lists that need someone's attention. */
  faultedStations: StationBrief[];
  offlineStations: StationBrief[];
};

export type StationBrief = { id: string; name: string | null; ocppId: string; lastHeartbeatAt: Date | null };
/** tenantId and tenantName are null for the unassigned pool. */
export type TenantStatusCounts = {
  tenantId: string | null;
  tenantName: string | null;
  total: number;
  counts: Partial<Record<EvseStatus, number>>;
};
/**
 * Stations by what happened to them last, per hour: `connected` — their open connection began then;
 * `lost` — offline now, last heard then; `booted` — their last BootNotification came then.
 */
export type ConnectivityHour = { hour: Date; connected: number; lost: number; booted: number };
export type StatusChange = {
  stationId: string;
  name: string | null;
  ocppId: string;
  connector: number;
  from: EvseStatus;
  to: EvseStatus;
  at: Date;
};

const LISTED = 10;
const TENANTS_LISTED = 20;
const CHANGES_LISTED = 10;

/**
 * OCPP 1.6 ChargePointStatus → EVSE status, as the gateway maps a StatusNotification
 * (lib/ocpp/ocpp16/status.ts; the service layer may not import the gateway).
 */
const reportedStatus = (payload: ReturnType<typeof sql.raw>) => sql`case ${payload} ->> 'status'
  when 'Available' then 'AVAILABLE'
  when 'Preparing' then 'CHARGING' when 'Charging' then 'CHARGING' when 'SuspendedEV' then 'CHARGING'
  when 'SuspendedEVSE' then 'CHARGING' when 'Finishing' then 'CHARGING'
  when 'Reserved' then 'RESERVED' when 'Unavailable' then 'INOPERATIVE' when 'Faulted' then 'OUTOFORDER'
  else 'UNKNOWN' end`;

/** Counts for the dashboard, over what the caller may see. */
export async function getDashboardSummary({ ctx }: { ctx: AuthContext }): Promise<DashboardSummary> {
  requirePermission(ctx, 'station:read');
  const at = new Date();
  const db = getDb();
  const stationScope = and(isNull(chargeStations.deletedAt), visibleCondition(visibility(ctx, 'station:read'), chargeStations.tenantId));
  const locationScope = and(isNull(locations.deletedAt), visibleCondition(visibility(ctx, 'location:read'), locations.tenantId));

  const isOffline = sql`(not ${chargeStations.connected} or ${chargeStations.lastHeartbeatAt} is null or ${chargeStations.lastHeartbeatAt} < now() - ${OFFLINE_AFTER})`;
  const brief = {
    id: chargeStations.id,
    name: chargeStations.name,
    ocppId: chargeStations.ocppId,
    lastHeartbeatAt: chargeStations.lastHeartbeatAt,
  };
  const [[locationCount], groups, [evseCount], faultedStations, offlineStations, connectivity, recentChanges] = await Promise.all([
    db.select({ n: count() }).from(locations).where(locationScope),
    // One scan for the counts, both charts, the tenant table and the offline count.
    db
      .select({
        tenantId: chargeStations.tenantId,
        status: chargeStations.status,
        availability: chargeStations.availability,
        count: count(),
        offline: sql<number>`count(*) filter (where ${isOffline})`.mapWith(Number),
        neverHeard: sql<number>`count(*) filter (where ${chargeStations.lastHeartbeatAt} is null)`.mapWith(Number),
      })
      .from(chargeStations)
      .where(stationScope)
      .groupBy(chargeStations.tenantId, chargeStations.status, chargeStations.availability),
    db
      .select({ n: count() })
      .from(evses)
      .innerJoin(chargeStations, sql`${chargeStations.id} = ${evses.stationId}`)
      .where(stationScope),
    db
      .select(brief)
      .from(chargeStations)
      .where(and(stationScope, sql`${chargeStations.status} = 'OUTOFORDER'`))
      .orderBy(chargeStations.ocppId)
      .limit(LISTED),
    // Stations that reported before and went quiet; never-connected ones are not news.
    db
      .select(brief)
      .from(chargeStations)
      .where(and(stationScope, isOffline, sql`${chargeStations.lastHeartbeatAt} is not null`))
      .orderBy(chargeStations.lastHeartbeatAt)
      .limit(LISTED),
    connectivityByHour(stationScope, isOffline),
    latestStatusChanges(stationScope),
  ]);

  const byStatus = totals(groups, (row) => row.status).map(([status, n]) => ({ status: status as EvseStatus, count: n }));
  const byAvailability = totals(groups, (row) => row.availability).map(([availability, n]) => ({
    availability: availability as Availability,
    count: n,
  }));
  const stations = byStatus.reduce((sum, s) => sum + s.count, 0);
  const offline = groups.reduce((sum, row) => sum + row.offline, 0);
  const { rows: byTenant, tenantCount } = await tenantRows(groups);
  return {
    at,
    locations: locationCount?.n ?? 0,
    stations,
    evses: evseCount?.n ?? 0,
    connected: stations - offline,
    offline,
    neverHeard: groups.reduce((sum, row) => sum + row.neverHeard, 0),
    faulted: byStatus.find((s) => s.status === 'OUTOFORDER')?.count ?? 0,
    byStatus,
    byAvailability,
    byTenant,
    tenantCount,
    connectivity,
    recentChanges,
    faultedStations,
    offlineStations,
  };
}

type Group = { tenantId: string | null; status: EvseStatus; count: number };

/** The per-tenant rows of the status table, with the tenants' names. */
async function tenantRows(groups: Group[]): Promise<{ rows: TenantStatusCounts[]; tenantCount: number }> {
  const byTenant = new Map<string | null, TenantStatusCounts>();
  for (const group of groups) {
    const row = byTenant.get(group.tenantId) ?? { tenantId: group.tenantId, tenantName: null, total: 0, counts: {} };
    row.total += group.count;
    row.counts[group.status] = (row.counts[group.status] ?? 0) + group.count;
    byTenant.set(group.tenantId, row);
  }
  const rows = [...byTenant.values()].sort((a, b) => b.total - a.total).slice(0, TENANTS_LISTED);
  const ids = rows.flatMap((row) => (row.tenantId ? [row.tenantId] : []));
  const names = ids.length
    ? new Map(
        (await getDb().select({ id: tenants.id, name: tenants.name }).from(tenants).where(inArray(tenants.id, ids))).map((t) => [
          t.id,
          t.name,
        ]),
      )
    : new Map<string, string>();
  for (const row of rows) row.tenantName = row.tenantId ? (names.get(row.tenantId) ?? null) : null;
  rows.sort((a, b) => b.total - a.total || (a.tenantName ?? '').localeCompare(b.tenantName ?? ''));
  return { rows, tenantCount: byTenant.size };
}

/**
 * Per hour of the last 24 (the current hour last), what the gateway last recorded of each station:
 * the hour its open connection began, the hour an offline station was last heard, the hour of its
 * last boot. One pass over the stations (which the counts scan anyway); the frame log holds every
 * heartbeat (millions an hour at 200k stations) and is no place to count from on each view.
 */
async function connectivityByHour(stationScope: ReturnType<typeof and>, isOffline: SQL): Promise<ConnectivityHour[]> {
  const since = sql`date_trunc('hour', now()) - interval '23 hours'`;
  const rows = await getDb().execute<{ hour: string; connected: number; lost: number; booted: number }>(sql`
    with hours as (
      select generate_series(${since}, date_trunc('hour', now()), interval '1 hour') as hour
    ), counted as (
      select date_trunc('hour', x.at) as hour,
             count(*) filter (where x.kind = 'connected') as connected,
             count(*) filter (where x.kind = 'lost') as lost,
             count(*) filter (where x.kind = 'booted') as booted
        from charge_stations
        cross join lateral (values
          ('connected', case when ${chargeStations.connected} then ${chargeStations.connectedAt} end),
          ('lost', case when ${isOffline} then ${chargeStations.lastHeartbeatAt} end),
          ('booted', ${chargeStations.lastBootAt})
        ) x(kind, at)
       where ${stationScope ?? sql`true`}
         -- Most stations stay connected and heartbeat for days: they pass no row to the lateral.
         and ((${chargeStations.connected} and ${chargeStations.connectedAt} >= ${since})
              or (${isOffline} and ${chargeStations.lastHeartbeatAt} >= ${since})
              or ${chargeStations.lastBootAt} >= ${since})
         and x.at >= ${since}
       group by 1
    )
    select h.hour, coalesce(c.connected, 0)::int as connected, coalesce(c.lost, 0)::int as lost, coalesce(c.booted, 0)::int as booted
      from hours h left join counted c on c.hour = h.hour
     order by h.hour`);
  return rows.map((row) => ({ hour: new Date(row.hour), connected: row.connected, lost: row.lost, booted: row.booted }));
}

/**
 * The newest StatusNotifications of the last 24 hours whose status differs from the one the same
 * connector reported before (a report repeating the status, e.g. after a boot, is no change).
 * Newest first over ocpp_messages_status_at_idx; the previous report by the station's own frames.
 */
async function latestStatusChanges(stationScope: ReturnType<typeof and>): Promise<StatusChange[]> {
  const rows = await getDb().execute<{
    station_id: string;
    name: string | null;
    ocpp_id: string;
    connector: number;
    from_status: EvseStatus;
    to_status: EvseStatus;
    at: string;
  }>(sql`
    select charge_stations.id as station_id, charge_stations.name, charge_stations.ocpp_id,
           (m.payload ->> 'connectorId')::int as connector,
           previous.status as from_status, ${reportedStatus(sql.raw('m.payload'))} as to_status, m.at
      from ocpp_messages m
      join charge_stations on charge_stations.id = m.station_id
      cross join lateral (
        select ${reportedStatus(sql.raw('p.payload'))} as status
          from ocpp_messages p
         where p.station_id = m.station_id and p.id < m.id
           and p.action = 'StatusNotification' and p.direction = 'IN' and p.message_type = 'CALL'
           and p.payload -> 'connectorId' = m.payload -> 'connectorId'
         order by p.id desc
         limit 1
      ) previous
     where m.action = 'StatusNotification' and m.direction = 'IN' and m.message_type = 'CALL'
       and m.at >= now() - interval '24 hours'
       and previous.status <> ${reportedStatus(sql.raw('m.payload'))}
       and ${stationScope ?? sql`true`}
     order by m.at desc, m.id desc
     limit ${CHANGES_LISTED}`);
  return rows.map((row) => ({
    stationId: row.station_id,
    name: row.name,
    ocppId: row.ocpp_id,
    connector: row.connector,
    from: row.from_status,
    to: row.to_status,
    at: new Date(row.at),
  }));
}

/** Counts summed by one key, sorted by that key. */
function totals<R extends { count: number }>(rows: R[], key: (row: R) => string): [string, number][] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + row.count);
  return [...sums].sort(([a], [b]) => a.localeCompare(b));
}

import { and, count, isNull, sql } from 'drizzle-orm';
import { requirePermission, visibility, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { chargeStations, evses, locations } from '@/lib/db/schema';
import { visibleCondition } from '@/lib/services/shared/scope';

/** A station counts as offline when not connected or silent for longer than this (a few missed heartbeats). */
export const OFFLINE_AFTER = sql`interval '15 minutes'`;

export type DashboardSummary = {
  locations: number;
  stations: number;
  evses: number;
  offline: number;
  byStatus: { status: string; count: number }[];
  byAvailability: { availability: string; count: number }[];
  /** Up to 10 of each, for the lists that need someone's attention. */
  faultedStations: StationBrief[];
  offlineStations: StationBrief[];
};

export type StationBrief = { id: string; name: string | null; ocppId: string; lastHeartbeatAt: Date | null };

const LISTED = 10;

/** Counts for the dashboard, over what the caller may see. */
export async function getDashboardSummary({ ctx }: { ctx: AuthContext }): Promise<DashboardSummary> {
  requirePermission(ctx, 'station:read');
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
  const [[locationCount], byStatusAndAvailability, [evseCount], faultedStations, offlineStations] = await Promise.all([
    db.select({ n: count() }).from(locations).where(locationScope),
    // One scan for both charts and the offline count.
    db
      .select({
        status: chargeStations.status,
        availability: chargeStations.availability,
        count: count(),
        offline: sql<number>`count(*) filter (where ${isOffline})`.mapWith(Number),
      })
      .from(chargeStations)
      .where(stationScope)
      .groupBy(chargeStations.status, chargeStations.availability),
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
  ]);
  const byStatus = totals(byStatusAndAvailability, (row) => row.status).map(([status, n]) => ({ status, count: n }));
  const byAvailability = totals(byStatusAndAvailability, (row) => row.availability).map(([availability, n]) => ({
    availability,
    count: n,
  }));
  return {
    locations: locationCount?.n ?? 0,
    stations: byStatus.reduce((sum, s) => sum + s.count, 0),
    evses: evseCount?.n ?? 0,
    offline: byStatusAndAvailability.reduce((sum, row) => sum + row.offline, 0),
    byStatus,
    byAvailability,
    faultedStations,
    offlineStations,
  };
}

/** Counts summed by one key, sorted by that key. */
function totals<R extends { count: number }>(rows: R[], key: (row: R) => string): [string, number][] {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(key(row), (sums.get(key(row)) ?? 0) + row.count);
  return [...sums].sort(([a], [b]) => a.localeCompare(b));
}

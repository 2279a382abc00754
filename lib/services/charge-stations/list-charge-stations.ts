import { eq, gte, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { chargeStations, type ChargeStationRow } from '@/lib/db/schema';
import type { ChargeStation, ChargeStationListQuery } from '@/lib/schemas/charge-station';
import { withinRadius } from '@/lib/services/shared/geo';
import type { SortKey } from '@/lib/services/shared/keyset';
import { listPage, type ListFilterSpec } from '@/lib/services/shared/list-query';
import { containsPattern } from '@/lib/services/shared/search';
import { stationScope, toChargeStations } from './station-record';

const SORTS: Record<string, SortKey<ChargeStationRow>> = {
  // Unnamed stations sort as '' so the row comparison of the cursor never meets a NULL.
  name: { column: sql`coalesce(${chargeStations.name}, '')`, value: (row) => row.name ?? '' },
  ocpp_id: { column: chargeStations.ocppId, value: (row) => row.ocppId },
  updated_at: { column: chargeStations.updatedAt, value: (row) => row.updatedAt.toISOString(), timestamp: true, changeOrder: true },
  created_at: { column: chargeStations.createdAt, value: (row) => row.createdAt.toISOString(), timestamp: true },
};

// Subqueries name tables explicitly: drizzle leaves columns unqualified in a single-table select.
const locationMatch = (condition: SQL) =>
  sql`exists (select 1 from locations l where l.id = "charge_stations"."location_id" and ${condition})`;
const l = { address: sql.raw('l.address'), name: sql.raw('l.name'), latitude: sql.raw('l.latitude'), longitude: sql.raw('l.longitude') };

/** What the station list (and its export) is over: permission, scope, sorts and filters. */
export function stationList(ctx: AuthContext, query: ChargeStationListQuery): ListFilterSpec<ChargeStationListQuery, ChargeStationRow> {
  return {
    ctx,
    permission: 'station:read',
    endpoint: 'charge-stations',
    query,
    scope: stationScope(ctx),
    sorts: SORTS,
    idColumn: chargeStations.id,
    changedColumn: chargeStations.updatedAt,
    deletedColumn: chargeStations.deletedAt,
    filters: [
      query.tenant ? eq(chargeStations.tenantId, query.tenant) : undefined,
      query.status ? eq(chargeStations.status, query.status) : undefined,
      query.availability ? eq(chargeStations.availability, query.availability) : undefined,
      query.charger_type ? eq(chargeStations.chargerType, query.charger_type) : undefined,
      query.location_id ? eq(chargeStations.locationId, query.location_id) : undefined,
      query.unlinked === true ? isNull(chargeStations.locationId) : undefined,
      query.unlinked === false ? sql`${chargeStations.locationId} is not null` : undefined,
      query.heard_since ? gte(chargeStations.lastHeartbeatAt, query.heard_since) : undefined,
      query.custom_group
        ? sql`exists (select 1 from station_custom_groups scg join custom_groups cg on cg.id = scg.group_id
          where scg.station_id = "charge_stations"."id" and cg.name = ${query.custom_group})`
        : undefined,
      query.q
        ? or(
            ilike(chargeStations.name, containsPattern(query.q)),
            ilike(chargeStations.ocppId, containsPattern(query.q)),
            ilike(chargeStations.serialNumber, containsPattern(query.q)),
            locationMatch(or(ilike(l.address, containsPattern(query.q)), ilike(l.name, containsPattern(query.q)))!),
          )
        : undefined,
      query.near && query.radius ? locationMatch(withinRadius(l, query.near, query.radius)) : undefined,
    ],
  };
}

/** GET /api/v2/charge-stations: the caller's visible stations (incl. the pool where allowed). */
export async function listChargeStations({ ctx, query }: { ctx: AuthContext; query: ChargeStationListQuery }) {
  const { records, next_cursor } = await listPage({
    ...stationList(ctx, query),
    fetch: ({ where, orderBy, limit }) =>
      getDb()
        .select()
        .from(chargeStations)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
    rowOf: (row) => row,
  });
  const data: ChargeStation[] = await toChargeStations(getDb(), records);
  return { data, next_cursor };
}

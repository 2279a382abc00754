import { and, eq, gte, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { requirePermission, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { chargeStations, type ChargeStationRow } from '@/lib/db/schema';
import type { ChargeStation, ChargeStationListQuery } from '@/lib/schemas/charge-station';
import type { CursorBinding } from '@/lib/services/shared/cursor';
import { withinRadius } from '@/lib/services/shared/geo';
import { keyset, type SortKey } from '@/lib/services/shared/keyset';
import { containsPattern } from '@/lib/services/shared/search';
import { stationScope, toChargeStations } from './station-record';

const SORTS: Record<string, SortKey<ChargeStationRow>> = {
  // Unnamed stations sort as '' so the row comparison of the cursor never meets a NULL.
  name: { column: sql`coalesce(${chargeStations.name}, '')`, value: (row) => row.name ?? '' },
  ocpp_id: { column: chargeStations.ocppId, value: (row) => row.ocppId },
  updated_at: { column: chargeStations.updatedAt, value: (row) => row.updatedAt.toISOString(), timestamp: true, changeOrder: true },
  created_at: { column: chargeStations.createdAt, value: (row) => row.createdAt.toISOString(), timestamp: true },
};

/** GET /api/v2/charge-stations: the caller's visible stations (incl. the pool where allowed). */
export async function listChargeStations({ ctx, query }: { ctx: AuthContext; query: ChargeStationListQuery }) {
  requirePermission(ctx, 'station:read');
  const { limit, cursor, sort, ...filters } = query;
  const binding: CursorBinding = { ctx, endpoint: 'charge-stations', filters: { ...filters, sort } };
  const { after, orderBy, page } = await keyset({ sorts: SORTS, sort, idColumn: chargeStations.id, cursor, binding });

  // Subqueries name tables explicitly: drizzle leaves columns unqualified in a single-table select.
  const locationMatch = (condition: SQL) =>
    sql`exists (select 1 from locations l where l.id = "charge_stations"."location_id" and ${condition})`;
  const l = { address: sql.raw('l.address'), name: sql.raw('l.name'), latitude: sql.raw('l.latitude'), longitude: sql.raw('l.longitude') };
  const conditions: (SQL | undefined)[] = [
    stationScope(ctx),
    filters.include_deleted ? undefined : isNull(chargeStations.deletedAt),
    filters.tenant ? eq(chargeStations.tenantId, filters.tenant) : undefined,
    filters.date_from ? gte(chargeStations.updatedAt, filters.date_from) : undefined,
    filters.date_to ? lt(chargeStations.updatedAt, filters.date_to) : undefined,
    filters.status ? eq(chargeStations.status, filters.status) : undefined,
    filters.availability ? eq(chargeStations.availability, filters.availability) : undefined,
    filters.charger_type ? eq(chargeStations.chargerType, filters.charger_type) : undefined,
    filters.location_id ? eq(chargeStations.locationId, filters.location_id) : undefined,
    filters.unlinked === true ? isNull(chargeStations.locationId) : undefined,
    filters.unlinked === false ? sql`${chargeStations.locationId} is not null` : undefined,
    filters.custom_group
      ? sql`exists (select 1 from station_custom_groups scg join custom_groups cg on cg.id = scg.group_id
          where scg.station_id = "charge_stations"."id" and cg.name = ${filters.custom_group})`
      : undefined,
    filters.q
      ? or(
          ilike(chargeStations.name, containsPattern(filters.q)),
          ilike(chargeStations.ocppId, containsPattern(filters.q)),
          ilike(chargeStations.serialNumber, containsPattern(filters.q)),
          locationMatch(or(ilike(l.address, containsPattern(filters.q)), ilike(l.name, containsPattern(filters.q)))!),
        )
      : undefined,
    filters.near && filters.radius ? locationMatch(withinRadius(l, filters.near, filters.radius)) : undefined,
    after,
  ];
  const rows = await getDb()
    .select()
    .from(chargeStations)
    .where(and(...conditions))
    .orderBy(...orderBy)
    .limit(limit + 1);
  const { rows: pageRows, next_cursor } = page(rows, limit, (row) => row);
  const data: ChargeStation[] = await toChargeStations(getDb(), pageRows);
  return { data, next_cursor };
}

import { and, eq, isNull, sql } from 'drizzle-orm';
import { visibility, type AuthContext } from '@/lib/auth/context';
import type { Permission } from '@/lib/auth/permissions';
import type { Queryable } from '@/lib/db/client';
import { locations, type LocationRow } from '@/lib/db/schema';
import { notFound } from '@/lib/errors';
import type { Location, LocationReplaceInput } from '@/lib/schemas/location';
import { isUuid } from '@/lib/domain/ids';
import { visibleCondition } from '@/lib/services/shared/scope';

/**
 * Columns of a location plus what the API derives from other tables. The correlated subqueries
 * name tables explicitly: drizzle leaves columns unqualified in a single-table select.
 */
export const locationSelection = {
  row: locations,
  customGroups: sql<string[]>`coalesce((
    select array_agg(cg.name order by cg.name)
    from location_custom_groups lcg join custom_groups cg on cg.id = lcg.group_id
    where lcg.location_id = "locations"."id"), '{}')`,
  stationsCount: sql<number>`(
    select count(*)::int from charge_stations cs
    where cs.location_id = "locations"."id" and cs.deleted_at is null)`,
  evsesCount: sql<number>`(
    select count(*)::int from evses e join charge_stations cs on cs.id = e.station_id
    where cs.location_id = "locations"."id" and cs.deleted_at is null)`,
};

export type LocationRecord = { row: LocationRow; customGroups: string[]; stationsCount: number; evsesCount: number };

/** The API representation of a location record (OCPI 2.2.1 Location fields plus the management fields). */
export function toLocation({ row, customGroups: groups, stationsCount, evsesCount }: LocationRecord): Location {
  return {
    id: row.id,
    tenant_id: row.tenantId,
    external_id: row.externalId,
    name: row.name,
    address: row.address,
    city: row.city,
    postal_code: row.postalCode,
    state: row.state,
    country: row.country,
    coordinates: { latitude: row.latitude, longitude: row.longitude },
    time_zone: row.timeZone,
    parking_type: row.parkingType as Location['parking_type'],
    facilities: row.facilities as Location['facilities'],
    opening_times: row.openingTimes ?? null,
    charging_when_closed: row.chargingWhenClosed,
    directions: row.directions,
    publish: row.publish,
    custom_groups: groups,
    remarks: row.remarks,
    maintenance: row.maintenance ?? null,
    stations_count: stationsCount,
    evses_count: evsesCount,
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    ...(row.deletedAt ? { deleted_at: row.deletedAt.toISOString() } : {}),
  };
}

/** The writable state of a location, as PUT takes it and PATCH merges into. */
export function writableLocation(location: Location): LocationReplaceInput {
  const { external_id, name, address, city, postal_code, state, country, coordinates, time_zone, parking_type } = location;
  const { facilities, opening_times, charging_when_closed, directions, publish, custom_groups, remarks, maintenance } = location;
  return {
    external_id,
    name,
    address,
    city,
    postal_code,
    state,
    country,
    coordinates,
    time_zone,
    parking_type,
    facilities,
    opening_times,
    charging_when_closed,
    directions,
    publish,
    custom_groups,
    remarks,
    maintenance,
  };
}

/** Column values for an insert or update from validated writable fields. */
export function locationColumns(input: LocationReplaceInput) {
  return {
    externalId: input.external_id ?? null,
    name: input.name,
    address: input.address,
    city: input.city,
    postalCode: input.postal_code ?? null,
    state: input.state ?? null,
    country: input.country,
    latitude: input.coordinates.latitude,
    longitude: input.coordinates.longitude,
    timeZone: input.time_zone ?? null,
    parkingType: input.parking_type ?? null,
    facilities: input.facilities ?? [],
    openingTimes: input.opening_times ?? null,
    chargingWhenClosed: input.charging_when_closed ?? null,
    directions: input.directions ?? [],
    publish: input.publish ?? true,
    remarks: input.remarks ?? null,
    maintenance: input.maintenance ?? null,
  };
}

/**
 * The one way to load a location for a caller: scope is part of the WHERE, so a location of
 * another tenant is indistinguishable from a missing one (404). `forUpdate` locks the row.
 */
export async function getLocationOrThrow(
  db: Queryable,
  ctx: AuthContext,
  id: string,
  options: { permission?: Permission; forUpdate?: boolean } = {},
): Promise<LocationRecord> {
  if (!isUuid(id)) throw notFound('Location');
  const scope = visibleCondition(visibility(ctx, options.permission ?? 'location:read'), locations.tenantId);
  const query = db
    .select(locationSelection)
    .from(locations)
    .where(and(eq(locations.id, id), isNull(locations.deletedAt), scope));
  const [record] = options.forUpdate ? await query.for('update', { of: locations }) : await query;
  if (!record) throw notFound('Location');
  return record;
}

import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { visibility, type AuthContext } from '@/lib/auth/context';
import type { Permission } from '@/lib/auth/permissions';
import type { Queryable } from '@/lib/db/client';
import {
  chargeStations,
  connectorTariffs,
  connectors,
  customGroups,
  evses,
  stationCustomGroups,
  type ChargeStationRow,
  type ConnectorRow,
  type EvseRow,
} from '@/lib/db/schema';
import { notFound } from '@/lib/errors';
import type { ChargeStation, ChargeStationReplaceInput } from '@/lib/schemas/charge-station';
import { changedAt } from '@/lib/services/shared/change-order';
import { isUuid } from '@/lib/domain/ids';
import { anyUuid, visibleCondition } from '@/lib/services/shared/scope';

/** Scope condition for stations: the caller's tenants, plus the pool for roles that see it. */
export const stationScope = (ctx: AuthContext, permission: Permission = 'station:read') =>
  visibleCondition(visibility(ctx, permission), chargeStations.tenantId);

/**
 * The one way to load a station for a caller: scope is in the WHERE, so another tenant's station
 * is a 404 exactly like a missing one. `forUpdate` locks the row for the rest of the transaction.
 */
export async function getStationRowOrThrow(
  db: Queryable,
  ctx: AuthContext,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ChargeStationRow> {
  if (!isUuid(id)) throw notFound('Charge station');
  const query = db
    .select()
    .from(chargeStations)
    .where(and(eq(chargeStations.id, id), isNull(chargeStations.deletedAt), stationScope(ctx)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Charge station');
  return row;
}

/** The EVSEs of some stations with their connectors and tariff codes, as stored. */
export type EvseTree = { evses: EvseRow[]; connectors: ConnectorRow[]; tariffs: (typeof connectorTariffs.$inferSelect)[] };
export const NO_EVSES: EvseTree = { evses: [], connectors: [], tariffs: [] };

/** The custom group names of some stations. */
export type StationGroupRow = { stationId: string; name: string };

/** The EVSE trees of the stations (3 queries, connectors and tariff codes in parallel). */
export async function loadEvseTree(db: Queryable, stationIds: string[]): Promise<EvseTree> {
  const evseRows = await db
    .select()
    .from(evses)
    .where(anyUuid(evses.stationId, stationIds))
    .orderBy(asc(evses.stationId), asc(evses.position));
  const evseUids = evseRows.map((e) => e.uid);
  const [connectorRows, tariffRows] = evseUids.length
    ? await Promise.all([
        db.select().from(connectors).where(anyUuid(connectors.evseUid, evseUids)).orderBy(asc(connectors.position)),
        db.select().from(connectorTariffs).where(anyUuid(connectorTariffs.evseUid, evseUids)).orderBy(asc(connectorTariffs.position)),
      ])
    : [[], []];
  return { evses: evseRows, connectors: connectorRows, tariffs: tariffRows };
}

/** The custom group names of the stations, in name order. */
export function loadStationGroups(db: Queryable, stationIds: string[]): Promise<StationGroupRow[]> {
  return db
    .select({ stationId: stationCustomGroups.stationId, name: customGroups.name })
    .from(stationCustomGroups)
    .innerJoin(customGroups, eq(customGroups.id, stationCustomGroups.groupId))
    .where(anyUuid(stationCustomGroups.stationId, stationIds))
    .orderBy(asc(customGroups.name));
}

/** API representations of station rows, with EVSEs, connectors, tariff codes and groups (5 queries). */
export async function toChargeStations(db: Queryable, rows: ChargeStationRow[]): Promise<ChargeStation[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [tree, groups] = await Promise.all([loadEvseTree(db, ids), loadStationGroups(db, ids)]);
  return assembleStations(rows, tree, groups);
}

/** API representations of station rows from their already loaded EVSE trees and groups. */
export function assembleStations(rows: ChargeStationRow[], tree: EvseTree, groups: StationGroupRow[]): ChargeStation[] {
  const tariffsOf = groupBy(tree.tariffs, (t) => `${t.evseUid}/${t.connectorId}`);
  const connectorsOf = groupBy(tree.connectors, (c) => c.evseUid);
  const evsesOf = groupBy(tree.evses, (e) => e.stationId);
  const groupsOf = groupBy(groups, (g) => g.stationId);

  return rows.map((row) => ({
    id: row.id,
    tenant_id: row.tenantId,
    location_id: row.locationId,
    ocpp_id: row.ocppId,
    name: row.name,
    vendor: row.vendor,
    model: row.model,
    serial_number: row.serialNumber,
    firmware_version: row.firmwareVersion,
    charger_type: row.chargerType,
    access: row.access,
    max_power_kw: row.maxPowerKw,
    configuration: row.configuration,
    availability: row.availability,
    availability_sync: row.availabilitySync,
    configuration_sync: row.configurationSync,
    reported_configuration_at: iso(row.reportedConfigurationAt),
    status: row.status,
    last_heartbeat_at: iso(row.lastHeartbeatAt),
    connected: row.connected,
    connected_at: iso(row.connectedAt),
    last_boot_at: iso(row.lastBootAt),
    registration: row.ocppPasswordHash ? 'ACCEPTED' : 'PENDING',
    iccid: row.iccid,
    imsi: row.imsi,
    firmware_status: row.firmwareStatus,
    diagnostics_status: row.diagnosticsStatus,
    custom_groups: (groupsOf.get(row.id) ?? []).map((g) => g.name),
    remarks: row.remarks,
    maintenance_windows: row.maintenanceWindows,
    commissioning_status: row.commissioningStatus,
    template_id: row.templateId,
    evses: (evsesOf.get(row.id) ?? []).map((e) => ({
      uid: e.uid,
      evse_id: e.evseId,
      status: e.status,
      capabilities: e.capabilities as ChargeStation['evses'][number]['capabilities'],
      availability: e.availability,
      availability_sync: e.availabilitySync,
      floor_level: e.floorLevel,
      physical_reference: e.physicalReference,
      connectors: (connectorsOf.get(e.uid) ?? []).map((c) => ({
        id: c.id,
        standard: c.standard as ChargeStation['evses'][number]['connectors'][number]['standard'],
        format: c.format,
        power_type: c.powerType,
        max_voltage: c.maxVoltage,
        max_amperage: c.maxAmperage,
        max_electric_power: c.maxElectricPower,
        tariff_ids: (tariffsOf.get(`${e.uid}/${c.id}`) ?? []).map((t) => t.tariffId),
        reported_status: c.reportedStatus,
        reported_error_code: c.reportedErrorCode,
      })),
    })),
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    ...(row.deletedAt ? { deleted_at: row.deletedAt.toISOString() } : {}),
  }));
}

export async function toChargeStation(db: Queryable, row: ChargeStationRow): Promise<ChargeStation> {
  return (await toChargeStations(db, [row]))[0]!;
}

/** A station locked for a change: its EVSE tree and groups as loaded, and its API representation. */
export type LockedStation = { current: ChargeStation; tree: EvseTree; groups: StationGroupRow[] };

/** The scoped lookup (404) with the row locked FOR UPDATE, and what the station holds now. */
export async function lockStation(db: Queryable, ctx: AuthContext, id: string): Promise<LockedStation> {
  const row = await getStationRowOrThrow(db, ctx, id, { forUpdate: true });
  const [tree, groups] = await Promise.all([loadEvseTree(db, [id]), loadStationGroups(db, [id])]);
  return { current: assembleStations([row], tree, groups)[0]!, tree, groups };
}

/** Reloads a station by id (no scope: for use after the caller's scoped lookup). */
export async function reloadStation(db: Queryable, id: string): Promise<ChargeStation> {
  const [row] = await db.select().from(chargeStations).where(eq(chargeStations.id, id));
  return toChargeStation(db, row!);
}

/** The writable state of a station, as PUT takes it and PATCH merges into. */
export function writableStation(station: ChargeStation): ChargeStationReplaceInput {
  return {
    name: station.name,
    vendor: station.vendor,
    model: station.model,
    serial_number: station.serial_number,
    firmware_version: station.firmware_version,
    charger_type: station.charger_type,
    access: station.access,
    max_power_kw: station.max_power_kw,
    configuration: station.configuration,
    custom_groups: station.custom_groups,
    remarks: station.remarks,
    maintenance_windows: station.maintenance_windows,
    evses: station.evses.map(({ uid, evse_id, capabilities, floor_level, physical_reference, connectors: cs }) => ({
      uid,
      evse_id,
      capabilities,
      floor_level,
      physical_reference,
      connectors: cs.map(({ reported_status: _status, reported_error_code: _errorCode, ...connector }) => connector),
    })),
  };
}

/** Station column values from validated writable fields. */
export function stationColumns(input: ChargeStationReplaceInput) {
  return {
    name: input.name ?? null,
    vendor: input.vendor ?? null,
    model: input.model ?? null,
    serialNumber: input.serial_number ?? null,
    firmwareVersion: input.firmware_version ?? null,
    chargerType: input.charger_type,
    access: input.access ?? null,
    maxPowerKw: input.max_power_kw ?? null,
    configuration: input.configuration ?? {},
    remarks: input.remarks ?? null,
    maintenanceWindows: input.maintenance_windows ?? [],
  };
}

export const bumpVersion = { version: sql`${chargeStations.version} + 1`, updatedAt: changedAt };

const iso = (at: Date | null) => at?.toISOString() ?? null;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  AVAILABILITIES,
  AVAILABILITY_SYNC_STATES,
  CHARGER_TYPES,
  COMMISSIONING_STATUSES,
  CONNECTOR_FORMATS,
  EVSE_STATUSES,
  POWER_TYPES,
  STATION_ACCESS,
  TEST_RUN_STATUSES,
  sqlList,
  type Availability,
  type EvseStatus,
} from '@/lib/domain/vocabulary';
import { lifecycleColumns, tstz } from './columns';
import { customGroups, locations } from './locations';
import { tariffs } from './tariffs';
import { tenants } from './tenants';

const inList = (values: readonly string[]) => sql.raw(`(${sqlList(values)})`);

export type MaintenanceWindow = { starts_at: string; ends_at: string; reason?: string | null };
export type TestStep = { name: string; status: string; detail?: string | null };

export const chargeStations = pgTable(
  'charge_stations',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Null while the station sits in the unassigned pool. */
    tenantId: uuid().references(() => tenants.id),
    locationId: uuid().references(() => locations.id),
    ocppId: text().notNull(),
    name: text(),
    vendor: text(),
    model: text(),
    serialNumber: text(),
    firmwareVersion: text(),
    chargerType: text({ enum: CHARGER_TYPES }).notNull(),
    access: text({ enum: STATION_ACCESS }),
    maxPowerKw: numeric({ mode: 'number' }),
    /** Desired OCPP configuration keys → values. */
    configuration: jsonb()
      .$type<Record<string, string>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    availability: text({ enum: AVAILABILITIES }).notNull().default('OPERATIVE'),
    availabilitySync: text({ enum: AVAILABILITY_SYNC_STATES }).notNull().default('OFFLINE'),
    status: text({ enum: EVSE_STATUSES }).notNull().default('UNKNOWN'),
    lastHeartbeatAt: tstz(),
    connected: boolean().notNull().default(false),
    remarks: text(),
    maintenanceWindows: jsonb()
      .$type<MaintenanceWindow[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    commissioningStatus: text({ enum: COMMISSIONING_STATUSES }).notNull().default('NEW'),
    /** argon2id hash of the write-only OCPP Basic-auth password. */
    ocppPasswordHash: text(),
    templateId: uuid(),
    ...lifecycleColumns,
  },
  (t) => [
    uniqueIndex('charge_stations_ocpp_id_live_uq')
      .on(t.ocppId)
      .where(sql`${t.deletedAt} is null`),
    index('charge_stations_tenant_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    index('charge_stations_updated_idx').on(t.updatedAt, t.id),
    index('charge_stations_created_idx').on(t.createdAt, t.id),
    index('charge_stations_name_idx').on(t.name, t.id),
    index('charge_stations_location_idx').on(t.locationId),
    index('charge_stations_serial_idx').on(t.serialNumber),
    index('charge_stations_status_idx').on(t.status),
    index('charge_stations_unlinked_idx')
      .on(t.tenantId)
      .where(sql`${t.locationId} is null`),
    check('charge_stations_charger_type_ck', sql`${t.chargerType} in ${inList(CHARGER_TYPES)}`),
    check('charge_stations_access_ck', sql`${t.access} in ${inList(STATION_ACCESS)}`),
    check('charge_stations_availability_ck', sql`${t.availability} in ${inList(AVAILABILITIES)}`),
    check('charge_stations_availability_sync_ck', sql`${t.availabilitySync} in ${inList(AVAILABILITY_SYNC_STATES)}`),
    check('charge_stations_status_ck', sql`${t.status} in ${inList(EVSE_STATUSES)}`),
    check('charge_stations_commissioning_ck', sql`${t.commissioningStatus} in ${inList(COMMISSIONING_STATUSES)}`),
    check('charge_stations_max_power_ck', sql`${t.maxPowerKw} >= 0`),
    check('charge_stations_remarks_len_ck', sql`char_length(${t.remarks}) <= 4000`),
    // A linked station always belongs to its location's tenant.
    check('charge_stations_linked_has_tenant_ck', sql`${t.locationId} is null or ${t.tenantId} is not null`),
  ],
);

export const stationCustomGroups = pgTable(
  'station_custom_groups',
  {
    stationId: uuid()
      .notNull()
      .references(() => chargeStations.id, { onDelete: 'cascade' }),
    groupId: uuid()
      .notNull()
      .references(() => customGroups.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.stationId, t.groupId] }), index('station_custom_groups_group_idx').on(t.groupId)],
);

export const evses = pgTable(
  'evses',
  {
    uid: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => chargeStations.id, { onDelete: 'cascade' }),
    /** Order within the station as the client sent it. */
    position: integer().notNull(),
    evseId: text(),
    status: text({ enum: EVSE_STATUSES }).notNull().default('UNKNOWN').$type<EvseStatus>(),
    capabilities: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    availability: text({ enum: AVAILABILITIES }).notNull().default('OPERATIVE').$type<Availability>(),
    floorLevel: text(),
    physicalReference: text(),
    createdAt: tstz().notNull().defaultNow(),
    updatedAt: tstz().notNull().defaultNow(),
  },
  (t) => [
    index('evses_station_idx').on(t.stationId, t.position),
    index('evses_evse_id_idx').on(sql`upper(${t.evseId})`),
    check('evses_status_ck', sql`${t.status} in ${inList(EVSE_STATUSES)}`),
    check('evses_availability_ck', sql`${t.availability} in ${inList(AVAILABILITIES)}`),
  ],
);

export const connectors = pgTable(
  'connectors',
  {
    evseUid: uuid()
      .notNull()
      .references(() => evses.uid, { onDelete: 'cascade' }),
    /** Client-chosen, unique within its EVSE. */
    id: text().notNull(),
    position: integer().notNull(),
    standard: text().notNull(),
    format: text({ enum: CONNECTOR_FORMATS }).notNull(),
    powerType: text({ enum: POWER_TYPES }).notNull(),
    maxVoltage: integer().notNull(),
    maxAmperage: integer().notNull(),
    maxElectricPower: integer(),
    /** Last OCPP ChargePointStatus reported for this connector. */
    reportedStatus: text(),
  },
  (t) => [
    primaryKey({ columns: [t.evseUid, t.id] }),
    check('connectors_format_ck', sql`${t.format} in ${inList(CONNECTOR_FORMATS)}`),
    check('connectors_power_type_ck', sql`${t.powerType} in ${inList(POWER_TYPES)}`),
    check('connectors_ratings_ck', sql`${t.maxVoltage} > 0 and ${t.maxAmperage} > 0 and coalesce(${t.maxElectricPower}, 1) > 0`),
  ],
);

/** The "tariff codes" of a connector; a tariff in use cannot be deleted (restrict). */
export const connectorTariffs = pgTable(
  'connector_tariffs',
  {
    evseUid: uuid().notNull(),
    connectorId: text().notNull(),
    tariffId: text()
      .notNull()
      .references(() => tariffs.id, { onDelete: 'restrict' }),
    position: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.evseUid, t.connectorId, t.tariffId] }),
    foreignKey({ columns: [t.evseUid, t.connectorId], foreignColumns: [connectors.evseUid, connectors.id] }).onDelete('cascade'),
    index('connector_tariffs_tariff_idx').on(t.tariffId),
  ],
);

export const stationTestRuns = pgTable(
  'station_test_runs',
  {
    id: uuid().primaryKey().defaultRandom(),
    stationId: uuid()
      .notNull()
      .references(() => chargeStations.id, { onDelete: 'cascade' }),
    status: text({ enum: TEST_RUN_STATUSES }).notNull().default('RUNNING'),
    steps: jsonb()
      .$type<TestStep[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    requestedBy: text().notNull(),
    startedAt: tstz().notNull().defaultNow(),
    finishedAt: tstz(),
  },
  (t) => [
    index('station_test_runs_station_idx').on(t.stationId, t.startedAt),
    check('station_test_runs_status_ck', sql`${t.status} in ${inList(TEST_RUN_STATUSES)}`),
  ],
);

export type ChargeStationRow = typeof chargeStations.$inferSelect;
export type NewChargeStationRow = typeof chargeStations.$inferInsert;
export type EvseRow = typeof evses.$inferSelect;
export type ConnectorRow = typeof connectors.$inferSelect;

import { sql } from 'drizzle-orm';
import {
  bigint,
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
  OCPP_DIRECTIONS,
  OCPP_MESSAGE_TYPES,
  STATION_COMMAND_KINDS,
  STATION_COMMAND_STATUSES,
  COMMISSIONING_STATUSES,
  CONNECTOR_FORMATS,
  EVSE_STATUSES,
  POWER_TYPES,
  STATION_ACCESS,
  TEST_RUN_STATUSES,
  sqlList,
  type Availability,
  type AvailabilitySync,
  type ConfigurationSync,
  type EvseStatus,
} from '@/lib/domain/vocabulary';
import { changeTime, lifecycleColumns, tstz } from './columns';
import { customGroups, locations } from './locations';
import { tariffs } from './tariffs';
import { tenants } from './tenants';

const inList = (values: readonly string[]) => sql.raw(`(${sqlList(values)})`);

export type MaintenanceWindow = { starts_at: string; ends_at: string; reason?: string | null };
export type TestStep = {
  name: string;
  status: string;
  detail?: string | null;
  started_at?: string | null;
  finished_at?: string | null;
};
/** What GetConfiguration last returned: key → value (null when the station has no value) and whether it is read-only. */
export type ReportedConfiguration = Record<string, { value: string | null; readonly: boolean }>;
export type BootReport = {
  vendor: string;
  model: string;
  serial_number: string | null;
  firmware_version: string | null;
  iccid: string | null;
  imsi: string | null;
};
/** The optional remote start/stop step of a commissioning run. */
export type RemoteStartOptions = { evse_uid: string; connector_id: string; id_tag: string };

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
    // What the station reports over OCPP (docs/OCPP.md). Telemetry: written by the gateway without
    // bumping `version`, so a heartbeat never makes a client's If-Match stale.
    /** The gateway process holding the station's socket (ocpp_gateways.id); null when none does. */
    gatewayId: text(),
    connectedAt: tstz(),
    lastBootAt: tstz(),
    /** Identity the last BootNotification reported (the record's vendor/model/serial are filled from it only where empty). */
    bootReport: jsonb().$type<BootReport>(),
    iccid: text(),
    imsi: text(),
    firmwareStatus: text(),
    firmwareStatusAt: tstz(),
    diagnosticsStatus: text(),
    diagnosticsStatusAt: tstz(),
    /** Desired key → sync state; keys follow `configuration`. */
    configurationSync: jsonb()
      .$type<Record<string, ConfigurationSync>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    reportedConfiguration: jsonb().$type<ReportedConfiguration>(),
    reportedConfigurationAt: tstz(),
    ...lifecycleColumns,
  },
  (t) => [
    uniqueIndex('charge_stations_ocpp_id_live_uq')
      .on(t.ocppId)
      .where(sql`${t.deletedAt} is null`),
    index('charge_stations_tenant_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    index('charge_stations_updated_idx').on(t.updatedAt, t.id),
    index('charge_stations_created_idx').on(t.createdAt, t.id),
    // Lists sort unnamed stations as '' (see list-charge-stations.ts): the index has that expression.
    index('charge_stations_name_idx').on(sql`coalesce(${t.name}, '')`, t.id),
    index('charge_stations_tenant_name_idx').on(t.tenantId, sql`coalesce(${t.name}, '')`, t.id),
    index('charge_stations_location_idx').on(t.locationId),
    index('charge_stations_serial_idx').on(t.serialNumber),
    index('charge_stations_status_idx').on(t.status),
    index('charge_stations_gateway_idx')
      .on(t.gatewayId)
      .where(sql`${t.gatewayId} is not null`),
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
    availabilitySync: text({ enum: AVAILABILITY_SYNC_STATES }).notNull().default('OFFLINE').$type<AvailabilitySync>(),
    /** The station accepted (or scheduled) the desired availability; APPLIED once a StatusNotification confirms it. */
    availabilityAcceptedAt: tstz(),
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
    check('evses_availability_sync_ck', sql`${t.availabilitySync} in ${inList(AVAILABILITY_SYNC_STATES)}`),
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
    reportedErrorCode: text(),
    reportedAt: tstz(),
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
    remoteStart: jsonb().$type<RemoteStartOptions>(),
    /** The gateway running the steps; null until one holding the station's socket picks the run up. */
    gatewayId: text(),
    startedAt: tstz().notNull().defaultNow(),
    finishedAt: tstz(),
  },
  (t) => [
    index('station_test_runs_station_idx').on(t.stationId, t.startedAt),
    index('station_test_runs_running_idx')
      .on(t.stationId)
      .where(sql`${t.status} = 'RUNNING'`),
    check('station_test_runs_status_ck', sql`${t.status} in ${inList(TEST_RUN_STATUSES)}`),
  ],
);

/**
 * Commands to stations: the queue the gateways work from (docs/OCPP.md#commands). A row is written
 * in the same transaction as the change it carries and its audit event.
 */
export const stationCommands = pgTable(
  'station_commands',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Queue order: commands enqueued within one millisecond (one transaction) go in the order written. */
    seq: bigint({ mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    stationId: uuid()
      .notNull()
      .references(() => chargeStations.id, { onDelete: 'cascade' }),
    kind: text({ enum: STATION_COMMAND_KINDS }).notNull(),
    /** Protocol-neutral arguments (docs/OCPP.md#commands); never a secret. */
    payload: jsonb()
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    status: text({ enum: STATION_COMMAND_STATUSES }).notNull().default('QUEUED'),
    /** The station's answer, protocol-neutral (e.g. `{status: 'SCHEDULED'}`, per-key outcomes). */
    response: jsonb().$type<Record<string, unknown>>(),
    error: text(),
    attempts: integer().notNull().default(0),
    /** `user:<uuid>`, `api_key:<uuid>`, or `gateway` for what a gateway sends on its own (boot reconciliation). */
    requestedBy: text().notNull(),
    testRunId: uuid().references(() => stationTestRuns.id, { onDelete: 'set null' }),
    gatewayId: text(),
    createdAt: changeTime(),
    sentAt: tstz(),
    finishedAt: tstz(),
    /** Not sent by then → TIMED_OUT (a reset asked for an hour ago should not happen now). */
    expiresAt: tstz(),
  },
  (t) => [
    index('station_commands_station_idx').on(t.stationId, t.createdAt),
    index('station_commands_open_idx')
      .on(t.stationId, t.seq)
      .where(sql`${t.status} in ('QUEUED', 'SENT')`),
    check('station_commands_kind_ck', sql`${t.kind} in ${inList(STATION_COMMAND_KINDS)}`),
    check('station_commands_status_ck', sql`${t.status} in ${inList(STATION_COMMAND_STATUSES)}`),
  ],
);

/** Every OCPP frame to and from a station, newest kept (bounded per station; docs/OCPP.md#message-log). */
export const ocppMessages = pgTable(
  'ocpp_messages',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    stationId: uuid()
      .notNull()
      .references(() => chargeStations.id, { onDelete: 'cascade' }),
    at: tstz().notNull().defaultNow(),
    direction: text({ enum: OCPP_DIRECTIONS }).notNull(),
    messageType: text({ enum: OCPP_MESSAGE_TYPES }).notNull(),
    action: text(),
    messageId: text().notNull(),
    payload: jsonb().notNull(),
    latencyMs: integer(),
  },
  (t) => [
    index('ocpp_messages_station_idx').on(t.stationId, t.id),
    // The dashboard's latest status changes: the newest reports, and each one's predecessor on the same station.
    index('ocpp_messages_status_at_idx')
      .on(t.at)
      .where(sql`${t.action} = 'StatusNotification' and ${t.direction} = 'IN' and ${t.messageType} = 'CALL'`),
    index('ocpp_messages_status_station_idx')
      .on(t.stationId, t.id)
      .where(sql`${t.action} = 'StatusNotification' and ${t.direction} = 'IN' and ${t.messageType} = 'CALL'`),
    check('ocpp_messages_direction_ck', sql`${t.direction} in ${inList(OCPP_DIRECTIONS)}`),
    check('ocpp_messages_type_ck', sql`${t.messageType} in ${inList(OCPP_MESSAGE_TYPES)}`),
  ],
);

/** Charging sessions started on a station (enough for the remote start/stop check). */
export const stationTransactions = pgTable(
  'station_transactions',
  {
    /** The OCPP transactionId handed to the station. */
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    stationId: uuid()
      .notNull()
      .references(() => chargeStations.id, { onDelete: 'cascade' }),
    connectorNumber: integer().notNull(),
    idTag: text().notNull(),
    meterStart: integer().notNull(),
    meterStop: integer(),
    lastMeterWh: integer(),
    startedAt: tstz().notNull(),
    stoppedAt: tstz(),
    stopReason: text(),
  },
  (t) => [index('station_transactions_station_idx').on(t.stationId, t.startedAt)],
);

/** Gateway processes serving this database, each with a liveness time (docs/OCPP.md#gateways). */
export const ocppGateways = pgTable('ocpp_gateways', {
  id: text().primaryKey(),
  host: text().notNull(),
  pid: integer().notNull(),
  port: integer().notNull(),
  startedAt: tstz().notNull().defaultNow(),
  seenAt: tstz().notNull().defaultNow(),
});

export type ChargeStationRow = typeof chargeStations.$inferSelect;
export type StationCommandRow = typeof stationCommands.$inferSelect;
export type OcppMessageRow = typeof ocppMessages.$inferSelect;
export type NewChargeStationRow = typeof chargeStations.$inferInsert;
export type EvseRow = typeof evses.$inferSelect;
export type ConnectorRow = typeof connectors.$inferSelect;

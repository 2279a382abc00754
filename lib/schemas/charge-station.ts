import { z } from 'zod';
import {
  AVAILABILITIES,
  AVAILABILITY_SYNC_STATES,
  CHARGER_TYPES,
  COMMISSIONING_STATUSES,
  CONNECTOR_FORMATS,
  CONFIGURATION_SYNC_STATES,
  CONNECTOR_STANDARDS,
  EVSE_CAPABILITIES,
  EVSE_STATUSES,
  OCPP_DIRECTIONS,
  OCPP_MESSAGE_TYPES,
  POWER_TYPES,
  REGISTRATION_STATES,
  RESET_TYPES,
  STATION_ACCESS,
  STATION_COMMAND_KINDS,
  STATION_COMMAND_STATUSES,
  TEST_RUN_STATUSES,
  TEST_STEP_NAMES,
  TEST_STEP_STATUSES,
} from '@/lib/domain/vocabulary';
import {
  count,
  customGroupList,
  customGroupNames,
  entityMeta,
  exportFormat,
  idParams,
  int,
  listOf,
  listQueryBase,
  queryBoolean,
  queryDate,
  text,
  timestamp,
  uuid,
} from './common';
import { nearFilter, nearNeedsRadius, nearNeedsRadiusError } from './location';
import { TARIFF_CODE_MAX, tariffCode } from './tariff';
import {
  CONNECTORS_MAX,
  EVSES_MAX,
  FLOOR_LEVEL_MAX,
  PHYSICAL_REFERENCE_MAX,
  connectorBlueprintSchema,
  connectorListOf,
  evseBlueprintFields,
} from './evse-blueprint';

/**
 * eMI3 / OCPI EVSE id, e.g. NL*GFX*E12345*1 (separators optional), any letter case. Written without
 * flags or back-references so the OpenAPI `pattern` means the same to every client.
 */
const EVSE_ID = /^[A-Za-z]{2}\*?[A-Za-z0-9]{3}\*?[Ee][A-Za-z0-9*]{1,30}$/;
/** Longest EVSE_ID: 2 + 1 + 3 + 1 + 1 + 30. */
const EVSE_ID_MAX = 38;
/** Tariffs one connector may name. */
const CONNECTOR_TARIFFS_MAX = 20;
const MAINTENANCE_WINDOWS_MAX = 100;
/** OCPP 1.6 CiString lengths: configuration keys and values. */
const CONFIG_KEY_MAX = 50;
const CONFIG_VALUE_MAX = 500;
const CONFIG_KEYS_MAX = 200;
/** Free text a station itself sends (OCPP message log, a call's error): bounded by the gateway's 64 KiB frame. */
const STATION_TEXT_MAX = 65_536;
/** OCPP status and error words (ChargePointStatus, FirmwareStatus, ...) are short enum names. */
const OCPP_WORD_MAX = 50;
const OCPP_ID_MAX = 48;
/** Desired keys plus what a station reports in one GetConfiguration answer (within its 64 KiB frame). */
const REPORTED_KEYS_MAX = 4096;

export const connectorInputSchema = connectorBlueprintSchema.extend({
  tariff_ids: z.array(tariffCode()).max(CONNECTOR_TARIFFS_MAX).optional().describe('Tariff codes; changing them needs station:tariff'),
});

export const evseInputSchema = z
  .object({
    uid: uuid().optional().describe('Server-generated; send it to keep an EVSE, leave it out to add one'),
    evse_id: text().max(EVSE_ID_MAX).regex(EVSE_ID, 'must be an eMI3 EVSE id such as NL*GFX*E12345*1').nullable().optional(),
    ...evseBlueprintFields,
    connectors: connectorListOf(connectorInputSchema),
  })
  .strict();

export const maintenanceWindowSchema = z
  .object({ starts_at: timestamp(), ends_at: timestamp(), reason: text().max(255).nullable().optional() })
  .strict()
  .refine((w) => w.ends_at > w.starts_at, { path: ['ends_at'], message: 'must be after starts_at' })
  .meta({ id: 'MaintenanceWindow' });
export type MaintenanceWindowInput = z.infer<typeof maintenanceWindowSchema>;

const configurationSchema = z
  .record(text().min(1).max(CONFIG_KEY_MAX), text().max(CONFIG_VALUE_MAX))
  .refine((c) => Object.keys(c).length <= CONFIG_KEYS_MAX, `at most ${CONFIG_KEYS_MAX} keys`)
  .describe('Desired OCPP configuration keys → string values');

/** Fields a client may write, on create, PUT and PATCH. */
const writableFields = {
  name: text().trim().min(1).max(255).nullable().optional(),
  vendor: text().trim().max(50).nullable().optional(),
  model: text().trim().max(50).nullable().optional(),
  serial_number: text().trim().max(50).nullable().optional(),
  firmware_version: text().trim().max(50).nullable().optional(),
  charger_type: z.enum(CHARGER_TYPES),
  access: z.enum(STATION_ACCESS).nullable().optional(),
  max_power_kw: z.number().min(0).max(10_000).nullable().optional(),
  configuration: configurationSchema.optional(),
  custom_groups: customGroupNames().optional(),
  remarks: text().max(4000).nullable().optional(),
  maintenance_windows: z.array(maintenanceWindowSchema).max(MAINTENANCE_WINDOWS_MAX).optional(),
  evses: z.array(evseInputSchema).max(EVSES_MAX).optional(),
  ocpp_password: text()
    .min(16)
    .max(64)
    .optional()
    .describe('Write-only: HTTP Basic password of the station on the OCPP endpoint (stored hashed, never returned)'),
};

export const chargeStationCreateSchema = z
  .object({
    ocpp_id: text()
      .max(OCPP_ID_MAX)
      .regex(/^[\x21-\x7e]{1,48}$/, 'must be 1–48 printable ASCII characters without spaces'),
    location_id: uuid().optional().describe('Links the station; it takes the location’s tenant'),
    tenant_id: uuid().optional().describe('Without location_id: creates the station unlinked in this tenant'),
    template_id: uuid().optional().describe('Copies vendor, model, charger type, power and EVSEs; fields in the body win'),
    ...writableFields,
    charger_type: writableFields.charger_type.optional().describe('Required unless template_id gives it'),
  })
  .strict()
  .meta({ id: 'ChargeStationCreate' });
export type ChargeStationCreateInput = z.infer<typeof chargeStationCreateSchema>;

/** PUT body, and the merged result of a PATCH. */
export const chargeStationReplaceSchema = z.object(writableFields).strict().meta({ id: 'ChargeStationReplace' });
export type ChargeStationReplaceInput = z.infer<typeof chargeStationReplaceSchema>;
export const chargeStationPatchSchema = z.object(writableFields).partial().strict().meta({ id: 'ChargeStationPatch' });

const { shape: connectorInput } = connectorBlueprintSchema;
export const connectorSchema = z.object({
  id: z.string().max(36),
  standard: z.enum(CONNECTOR_STANDARDS),
  format: z.enum(CONNECTOR_FORMATS),
  power_type: z.enum(POWER_TYPES),
  max_voltage: connectorInput.max_voltage,
  max_amperage: connectorInput.max_amperage,
  max_electric_power: connectorInput.max_electric_power.unwrap(),
  tariff_ids: z.array(z.string().max(TARIFF_CODE_MAX)).max(CONNECTOR_TARIFFS_MAX),
  reported_status: z
    .string()
    .max(OCPP_WORD_MAX)
    .nullable()
    .describe(
      'Read-only: the status word the station last reported over OCPP (1.6 ChargePointStatus, e.g. `Charging`); null until it reports',
    ),
  reported_error_code: z
    .string()
    .max(OCPP_WORD_MAX)
    .nullable()
    .describe('Read-only: the error code of that report (1.6 ChargePointErrorCode, e.g. `NoError`); null until it reports'),
});

const availabilitySync = z
  .enum(AVAILABILITY_SYNC_STATES)
  .describe(
    'Read-only: whether the station applied the desired availability. PENDING: sent or queued for a connected station; APPLIED: accepted and confirmed by a status report; SCHEDULED: the station will apply it when its session ends; REJECTED; OFFLINE: not connected, sent when it connects',
  );

export const evseSchema = z.object({
  uid: uuid(),
  evse_id: z.string().max(EVSE_ID_MAX).nullable(),
  status: z.enum(EVSE_STATUSES).describe('Read-only: OCPI status aggregated over the connectors’ last reports'),
  capabilities: z.array(z.enum(EVSE_CAPABILITIES)).max(EVSE_CAPABILITIES.length),
  availability: z.enum(AVAILABILITIES).describe('Desired, set through /availability'),
  availability_sync: availabilitySync,
  floor_level: z.string().max(FLOOR_LEVEL_MAX).nullable(),
  physical_reference: z.string().max(PHYSICAL_REFERENCE_MAX).nullable(),
  connectors: z.array(connectorSchema).max(CONNECTORS_MAX),
});

export const chargeStationSchema = z
  .object({
    id: uuid(),
    tenant_id: uuid().nullable().describe('Null while the station is in the unassigned pool'),
    location_id: uuid().nullable(),
    ocpp_id: z.string().max(OCPP_ID_MAX),
    name: z.string().max(255).nullable(),
    vendor: z.string().max(50).nullable(),
    model: z.string().max(50).nullable(),
    serial_number: z.string().max(50).nullable(),
    firmware_version: z.string().max(50).nullable(),
    charger_type: z.enum(CHARGER_TYPES),
    access: z.enum(STATION_ACCESS).nullable(),
    max_power_kw: writableFields.max_power_kw.unwrap(),
    configuration: z.record(z.string().max(CONFIG_KEY_MAX), z.string().max(CONFIG_VALUE_MAX)),
    availability: z.enum(AVAILABILITIES).describe('Desired, set through /availability'),
    availability_sync: availabilitySync.describe(
      'Read-only: the EVSEs’ availability sync aggregated: OFFLINE when not connected, else REJECTED, PENDING, SCHEDULED if any EVSE is, else APPLIED',
    ),
    configuration_sync: z
      .record(z.string().max(CONFIG_KEY_MAX), z.enum(CONFIGURATION_SYNC_STATES))
      .describe(
        'Read-only: sync state of each desired configuration key (PENDING, APPLIED, REJECTED, REBOOT_REQUIRED, NOT_SUPPORTED, OFFLINE)',
      ),
    reported_configuration_at: timestamp()
      .nullable()
      .describe('Read-only: when the station last reported its configuration (GetConfiguration)'),
    status: z.enum(EVSE_STATUSES).describe('Last reported, aggregated over the EVSEs'),
    last_heartbeat_at: timestamp().nullable().describe('Read-only: the last message heard from the station'),
    connected: z.boolean().describe('Read-only: the station’s OCPP socket is open'),
    connected_at: timestamp().nullable().describe('Read-only: when the current (or last) OCPP connection opened'),
    last_boot_at: timestamp().nullable().describe('Read-only: the last BootNotification'),
    registration: z
      .enum(REGISTRATION_STATES)
      .describe(
        'Read-only: ACCEPTED when the station has an OCPP password of its own; PENDING (boot answered Pending, no commands) until it is linked and provisioned',
      ),
    iccid: z.string().max(20).nullable().describe('Read-only: SIM card ICCID from the last boot'),
    imsi: z.string().max(20).nullable().describe('Read-only: SIM IMSI from the last boot'),
    firmware_status: z
      .string()
      .max(OCPP_WORD_MAX)
      .nullable()
      .describe('Read-only: last FirmwareStatusNotification status, e.g. `Installed`'),
    diagnostics_status: z
      .string()
      .max(OCPP_WORD_MAX)
      .nullable()
      .describe('Read-only: last DiagnosticsStatusNotification status, e.g. `Uploaded`'),
    custom_groups: customGroupList(),
    remarks: z.string().max(4000).nullable(),
    maintenance_windows: z
      .array(z.object({ starts_at: timestamp(), ends_at: timestamp(), reason: z.string().max(255).nullable().optional() }))
      .max(MAINTENANCE_WINDOWS_MAX),
    commissioning_status: z.enum(COMMISSIONING_STATUSES),
    template_id: uuid().nullable(),
    evses: z.array(evseSchema).max(EVSES_MAX),
    ...entityMeta,
    deleted_at: timestamp().optional().describe('Only with include_deleted=true, on deleted stations'),
  })
  .meta({ id: 'ChargeStation' });
export type ChargeStation = z.infer<typeof chargeStationSchema>;

export const CHARGE_STATION_SORTS = ['name', 'updated_at', 'created_at', 'ocpp_id'] as const;

const stationFilters = {
  ...listQueryBase,
  status: z.enum(EVSE_STATUSES).optional(),
  availability: z.enum(AVAILABILITIES).optional(),
  charger_type: z.enum(CHARGER_TYPES).optional(),
  location_id: uuid().optional(),
  unlinked: queryBoolean().optional().describe('true: only stations without a location (incl. the pool for roles that see it)'),
  heard_since: queryDate()
    .optional()
    .describe('Only stations heard from (any OCPP message) at or after this time, e.g. the installer\'s "connected in the last hour"'),
  ...nearFilter,
  sort: z.enum([...CHARGE_STATION_SORTS, ...CHARGE_STATION_SORTS.map((s) => `-${s}` as const)]).default('updated_at'),
};

export const chargeStationListQuerySchema = z.object(stationFilters).strict().refine(nearNeedsRadius, nearNeedsRadiusError);
export type ChargeStationListQuery = z.infer<typeof chargeStationListQuerySchema>;
export const chargeStationListSchema = listOf(chargeStationSchema).meta({ id: 'ChargeStationList' });

const { limit: _limit, cursor: _cursor, ...exportFilters } = stationFilters;
export const chargeStationExportQuerySchema = z
  .object({ format: exportFormat(), ...exportFilters })
  .strict()
  .refine(nearNeedsRadius, nearNeedsRadiusError);
export type ChargeStationExportQuery = z.infer<typeof chargeStationExportQuerySchema>;

export const linkSchema = z.object({ location_id: uuid() }).strict().meta({ id: 'ChargeStationLink' });

export const availabilitySchema = z
  .object({
    availability: z.enum(AVAILABILITIES),
    evse_uids: z.array(uuid()).min(1).max(EVSES_MAX).optional().describe('Only these EVSEs; otherwise the whole station'),
  })
  .strict()
  .meta({ id: 'AvailabilityRequest' });
export type AvailabilityInput = z.infer<typeof availabilitySchema>;

export const setTariffsSchema = z
  .object({
    tariff_ids: z.array(tariffCode()).max(CONNECTOR_TARIFFS_MAX),
    evse_uids: z.array(uuid()).min(1).max(EVSES_MAX).optional().describe('Only the connectors of these EVSEs'),
    connectors: z
      .array(z.object({ evse_uid: uuid(), connector_id: text().min(1).max(36) }).strict())
      .min(1)
      .max(EVSES_MAX * CONNECTORS_MAX)
      .optional()
      .describe('Only these connectors'),
  })
  .strict()
  .refine((b) => !(b.evse_uids && b.connectors), { path: ['connectors'], message: 'send evse_uids or connectors, not both' })
  .meta({ id: 'SetTariffsRequest' });
export type SetTariffsInput = z.infer<typeof setTariffsSchema>;

/** At most this many stations per bulk call: 4 pages of the table, each row its own transaction. */
export const BULK_MAX_IDS = 200;

/** One bulk operation on selected stations, as the stations table's bulk bar sends it. */
export const bulkStationSchema = z.discriminatedUnion('operation', [
  z.object({ operation: z.literal('availability'), availability: z.enum(AVAILABILITIES) }),
  z.object({ operation: z.literal('tariff'), tariff_id: tariffCode() }),
  z.object({ operation: z.literal('group_add'), group: customGroupNames().element }),
  z.object({ operation: z.literal('group_remove'), group: customGroupNames().element }),
]);
export type BulkStationOperation = z.infer<typeof bulkStationSchema>;

export const bulkIdsSchema = z
  .array(uuid())
  .min(1, 'select at least one station')
  .max(BULK_MAX_IDS, `at most ${BULK_MAX_IDS} stations at once`)
  .transform((ids) => [...new Set(ids)]);

/** The stations of a bulk call, each with the version it was shown at when the caller has one (If-Match per row). */
export const bulkItemsSchema = z
  .array(z.object({ id: uuid(), version: entityMeta.version.optional() }).strict())
  .min(1, 'select at least one station')
  .max(BULK_MAX_IDS, `at most ${BULK_MAX_IDS} stations at once`)
  .transform((items) => items.filter((item, i) => items.findIndex((other) => other.id === item.id) === i));
export type BulkStationItem = z.input<typeof bulkItemsSchema>[number];

export const configurationKeySchema = z
  .object({
    key: z.string().max(CONFIG_KEY_MAX),
    desired: z.string().max(CONFIG_VALUE_MAX).nullable().describe('The desired value; null for a key only the station reports'),
    reported: z
      .string()
      .max(CONFIG_VALUE_MAX)
      .nullable()
      .describe('What the station last reported; null when it did not report the key (or has no value)'),
    sync: z.enum(CONFIGURATION_SYNC_STATES).nullable().describe('Sync state of a desired key; null for a key only the station reports'),
    drift: z.boolean().describe('A desired key whose reported value differs (false until the station has reported its configuration)'),
  })
  .meta({ id: 'StationConfigurationKey' });

export const configurationResponseSchema = z
  .object({
    id: uuid(),
    configuration: z.record(z.string().max(CONFIG_KEY_MAX), z.string().max(CONFIG_VALUE_MAX)).describe('Desired keys → values'),
    version: entityMeta.version,
    reported_configuration: z
      .record(z.string().max(CONFIG_KEY_MAX), z.object({ value: z.string().max(CONFIG_VALUE_MAX).nullable(), readonly: z.boolean() }))
      .nullable()
      .describe('What GetConfiguration last returned: key → value and whether the station lets it be changed; null until reported'),
    reported_configuration_at: timestamp().nullable(),
    keys: z
      .array(configurationKeySchema)
      .max(REPORTED_KEYS_MAX)
      .describe('Every desired or reported key, in key order: desired vs reported, sync state, drift'),
  })
  .meta({
    id: 'StationConfiguration',
    example: {
      id: '2f0e4c1a-7b5d-4e8f-9a3b-1c2d3e4f5a6b',
      configuration: { HeartbeatInterval: '300' },
      version: 4,
      reported_configuration: {
        HeartbeatInterval: { value: '900', readonly: false },
        NumberOfConnectors: { value: '2', readonly: true },
      },
      reported_configuration_at: '2027-01-10T08:00:00.000Z',
      keys: [
        { key: 'HeartbeatInterval', desired: '300', reported: '900', sync: 'PENDING', drift: true },
        { key: 'NumberOfConnectors', desired: null, reported: '2', sync: null, drift: false },
      ],
    },
  });
export type StationConfiguration = z.infer<typeof configurationResponseSchema>;
export const configurationPatchSchema = z
  .record(text().min(1).max(CONFIG_KEY_MAX), text().max(CONFIG_VALUE_MAX).nullable())
  .describe('JSON merge patch of the configuration map: a string sets a key, null removes it')
  .meta({ id: 'StationConfigurationPatch' });

export const testRunStartSchema = z
  .object({
    remote_start: z
      .object({
        evse_uid: uuid(),
        connector_id: text().min(1).max(36),
        id_tag: text().min(1).max(20).describe('OCPP idTag the station starts the transaction with'),
      })
      .strict()
      .optional()
      .describe('Also run `remote_start_stop` on this connector: RemoteStart → StartTransaction → RemoteStop → StopTransaction'),
  })
  .strict()
  .meta({ id: 'TestRunRequest' });
export type TestRunStartInput = z.infer<typeof testRunStartSchema>;

export const testStepSchema = z
  .object({
    name: z.enum(TEST_STEP_NAMES),
    status: z.enum(TEST_STEP_STATUSES),
    detail: z.string().max(STATION_TEXT_MAX).nullable().optional().describe('What was seen, and on failure what to do'),
    started_at: timestamp().nullable(),
    finished_at: timestamp().nullable(),
  })
  .meta({ id: 'TestStep' });

export const testRunSchema = z
  .object({
    id: uuid(),
    station_id: uuid(),
    status: z.enum(TEST_RUN_STATUSES).describe('RUNNING until every step ran or one failed'),
    steps: z.array(testStepSchema).max(TEST_STEP_NAMES.length).describe('In order; a failed step fails the run and skips the rest'),
    started_at: timestamp(),
    finished_at: timestamp().nullable(),
  })
  .meta({ id: 'TestRun' });

export const resetSchema = z
  .object({ type: z.enum(RESET_TYPES).describe('SOFT: restart the software; HARD: power-cycle') })
  .strict()
  .meta({ id: 'ResetRequest' });
export type ResetInput = z.infer<typeof resetSchema>;

/** Pages of a station's commands and message log: newest first, no filters. */
export const stationLogQuerySchema = z.object({ limit: listQueryBase.limit, cursor: listQueryBase.cursor }).strict();
export type StationLogQuery = z.infer<typeof stationLogQuerySchema>;

export const commandParams = z.object({ id: idParams.shape.id, command_id: z.string().min(1).max(200).describe('The command id (UUID)') });

export const stationCommandSchema = z
  .object({
    id: uuid(),
    station_id: uuid(),
    kind: z.enum(STATION_COMMAND_KINDS),
    status: z
      .enum(STATION_COMMAND_STATUSES)
      .describe('QUEUED → SENT → ACCEPTED | REJECTED | FAILED | TIMED_OUT (no answer in time, or not sent before expires_at)'),
    payload: z
      .record(z.string().max(STATION_TEXT_MAX), z.unknown())
      .describe('Protocol-neutral arguments, e.g. `{type: "SOFT"}` for a reset'),
    response: z
      .record(z.string().max(STATION_TEXT_MAX), z.unknown())
      .nullable()
      .describe('The station’s answer, protocol-neutral; null until answered'),
    error: z.string().max(STATION_TEXT_MAX).nullable(),
    attempts: count(),
    created_at: timestamp(),
    sent_at: timestamp().nullable(),
    finished_at: timestamp().nullable(),
    expires_at: timestamp().nullable(),
  })
  .meta({
    id: 'StationCommand',
    example: {
      id: '0c9b7a1e-4d2f-4a6b-8e3c-5f1d2a3b4c5d',
      station_id: '2f0e4c1a-7b5d-4e8f-9a3b-1c2d3e4f5a6b',
      kind: 'reset',
      status: 'ACCEPTED',
      payload: { type: 'SOFT' },
      response: { status: 'ACCEPTED' },
      error: null,
      attempts: 1,
      created_at: '2027-01-10T08:00:00.000Z',
      sent_at: '2027-01-10T08:00:00.120Z',
      finished_at: '2027-01-10T08:00:00.480Z',
      expires_at: '2027-01-10T08:10:00.000Z',
    },
  });
export type StationCommand = z.infer<typeof stationCommandSchema>;
export const stationCommandListSchema = listOf(stationCommandSchema).meta({ id: 'StationCommandList' });

export const ocppMessageSchema = z
  .object({
    at: timestamp(),
    direction: z.enum(OCPP_DIRECTIONS).describe('IN: from the station; OUT: to the station'),
    message_type: z.enum(OCPP_MESSAGE_TYPES),
    action: z
      .string()
      .max(STATION_TEXT_MAX)
      .nullable()
      .describe('The OCPP action, e.g. `BootNotification`; for answers, the action of their call where known'),
    message_id: z.string().max(STATION_TEXT_MAX),
    payload: z.unknown().describe('The frame’s payload as sent; AuthorizationKey values are masked as `***`'),
    latency_ms: int(0, 2 ** 31 - 1)
      .nullable()
      .describe('For answers: time since their call; null when unknown'),
  })
  .meta({
    id: 'OcppMessage',
    example: {
      at: '2027-01-10T08:00:00.000Z',
      direction: 'IN',
      message_type: 'CALL',
      action: 'Heartbeat',
      message_id: '19223201',
      payload: {},
      latency_ms: null,
    },
  });
export type OcppMessage = z.infer<typeof ocppMessageSchema>;
export const ocppMessageListSchema = listOf(ocppMessageSchema).meta({ id: 'OcppMessageList' });
export type TestRun = z.infer<typeof testRunSchema>;

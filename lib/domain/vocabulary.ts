// Closed value lists of the domain (OCPI 2.2.1 where it applies; docs/DOMAIN.md). The database check
// constraints, the zod schemas and the UI all read these, so a value is added in one place.

/** The portal's languages; English is the default. */
export const PORTAL_LOCALES = ['en', 'nl'] as const;
export const TENANT_KINDS = ['B2B', 'MUNICIPALITY', 'CONDOMINIUM', 'OTHER'] as const;
export const CHARGER_TYPES = ['AC', 'DC', 'AC_DC'] as const;
export const STATION_ACCESS = ['PUBLIC', 'SEMI_PUBLIC', 'PRIVATE'] as const;
export const AVAILABILITIES = ['OPERATIVE', 'INOPERATIVE'] as const;
export const AVAILABILITY_SYNC_STATES = ['PENDING', 'APPLIED', 'REJECTED', 'SCHEDULED', 'OFFLINE'] as const;
export const COMMISSIONING_STATUSES = ['NEW', 'LINKED', 'TESTED', 'COMMISSIONED', 'FAILED'] as const;
export const EVSE_STATUSES = [
  'AVAILABLE',
  'BLOCKED',
  'CHARGING',
  'INOPERATIVE',
  'OUTOFORDER',
  'PLANNED',
  'REMOVED',
  'RESERVED',
  'UNKNOWN',
] as const;
export const CONNECTOR_FORMATS = ['SOCKET', 'CABLE'] as const;
export const POWER_TYPES = ['AC_1_PHASE', 'AC_2_PHASE', 'AC_2_PHASE_SPLIT', 'AC_3_PHASE', 'DC'] as const;
export const CONNECTOR_STANDARDS = [
  'CHADEMO',
  'CHAOJI',
  'DOMESTIC_A',
  'DOMESTIC_B',
  'DOMESTIC_C',
  'DOMESTIC_D',
  'DOMESTIC_E',
  'DOMESTIC_F',
  'DOMESTIC_G',
  'DOMESTIC_H',
  'DOMESTIC_I',
  'DOMESTIC_J',
  'DOMESTIC_K',
  'DOMESTIC_L',
  'DOMESTIC_M',
  'DOMESTIC_N',
  'DOMESTIC_O',
  'GBT_AC',
  'GBT_DC',
  'IEC_60309_2_single_16',
  'IEC_60309_2_three_16',
  'IEC_60309_2_three_32',
  'IEC_60309_2_three_64',
  'IEC_62196_T1',
  'IEC_62196_T1_COMBO',
  'IEC_62196_T2',
  'IEC_62196_T2_COMBO',
  'IEC_62196_T3A',
  'IEC_62196_T3C',
  'NEMA_5_20',
  'NEMA_6_30',
  'NEMA_6_50',
  'NEMA_10_30',
  'NEMA_10_50',
  'NEMA_14_30',
  'NEMA_14_50',
  'PANTOGRAPH_BOTTOM_UP',
  'PANTOGRAPH_TOP_DOWN',
  'TESLA_R',
  'TESLA_S',
] as const;
export const EVSE_CAPABILITIES = [
  'CHARGING_PROFILE_CAPABLE',
  'CHARGING_PREFERENCES_CAPABLE',
  'CHIP_CARD_SUPPORT',
  'CONTACTLESS_CARD_SUPPORT',
  'CREDIT_CARD_PAYABLE',
  'DEBIT_CARD_PAYABLE',
  'PED_TERMINAL',
  'REMOTE_START_STOP_CAPABLE',
  'RESERVABLE',
  'RFID_READER',
  'START_SESSION_CONNECTOR_REQUIRED',
  'TOKEN_GROUP_CAPABLE',
  'UNLOCK_CAPABLE',
] as const;
export const PARKING_TYPES = ['ALONG_MOTORWAY', 'PARKING_GARAGE', 'PARKING_LOT', 'ON_DRIVEWAY', 'ON_STREET', 'UNDERGROUND_GARAGE'] as const;
export const FACILITIES = [
  'HOTEL',
  'RESTAURANT',
  'CAFE',
  'MALL',
  'SUPERMARKET',
  'SPORT',
  'RECREATION_AREA',
  'NATURE',
  'MUSEUM',
  'BIKE_SHARING',
  'BUS_STOP',
  'TAXI_STAND',
  'TRAM_STOP',
  'METRO_STATION',
  'TRAIN_STATION',
  'AIRPORT',
  'PARKING_LOT',
  'CARPOOL_PARKING',
  'FUEL_STATION',
  'WIFI',
] as const;
export const TEST_RUN_STATUSES = ['RUNNING', 'PASSED', 'FAILED'] as const;
export const TEST_STEP_STATUSES = ['PENDING', 'RUNNING', 'PASSED', 'FAILED', 'SKIPPED'] as const;
export const TEST_STEP_NAMES = [
  'connected',
  'boot_accepted',
  'heartbeat',
  'connector_status',
  'configuration',
  'remote_start_stop',
] as const;

/** Whether the central system accepts the station's boot: PENDING until it authenticates with a password of its own. */
export const REGISTRATION_STATES = ['PENDING', 'ACCEPTED'] as const;
/** Sync state of one desired configuration key (docs/OCPP.md#configuration). */
export const CONFIGURATION_SYNC_STATES = ['APPLIED', 'PENDING', 'REJECTED', 'REBOOT_REQUIRED', 'NOT_SUPPORTED', 'OFFLINE'] as const;
/**
 * Protocol-neutral commands to a station (docs/OCPP.md#commands). The `sync_*` kinds carry no
 * values: the gateway sends the desired state as it is when the command is sent.
 */
export const STATION_COMMAND_KINDS = [
  'sync_availability',
  'sync_configuration',
  'get_configuration',
  'provision_password',
  'reset',
  'trigger_message',
  'remote_start',
  'remote_stop',
] as const;
export const STATION_COMMAND_STATUSES = ['QUEUED', 'SENT', 'ACCEPTED', 'REJECTED', 'FAILED', 'TIMED_OUT'] as const;
export const RESET_TYPES = ['SOFT', 'HARD'] as const;
export const OCPP_DIRECTIONS = ['IN', 'OUT'] as const;
export const OCPP_MESSAGE_TYPES = ['CALL', 'CALLRESULT', 'CALLERROR'] as const;

/** What a webhook subscription may receive (docs/INTEGRATIONS.md#events). */
export const WEBHOOK_EVENT_TYPES = [
  'location.created',
  'location.updated',
  'location.deleted',
  'charge_station.created',
  'charge_station.updated',
  'charge_station.deleted',
  'charge_station.linked',
  'charge_station.unlinked',
  'charge_station.status_changed',
  'charge_station.connected',
  'charge_station.disconnected',
  'availability.applied',
  'availability.rejected',
  'commissioning.completed',
  'import.completed',
] as const;
/** Sent only by `POST /webhooks/{id}/test`; no subscription lists it. */
export const WEBHOOK_TEST_EVENT = 'webhook.test';
export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
export const IMPORT_ENTITIES = ['locations', 'charge_stations'] as const;
export const IMPORT_STATUSES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export const IMPORT_ROW_OUTCOMES = ['PENDING', 'CREATED', 'UPDATED', 'VALID', 'FAILED'] as const;

export const AUDIT_ENTITIES = [
  'tenant',
  'user',
  'api_key',
  'location',
  'charge_station',
  'tariff',
  'hardware_template',
  'webhook',
  'import',
] as const;

export type TenantKind = (typeof TENANT_KINDS)[number];
export type ChargerType = (typeof CHARGER_TYPES)[number];
export type Availability = (typeof AVAILABILITIES)[number];
export type EvseStatus = (typeof EVSE_STATUSES)[number];
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];
export type AvailabilitySync = (typeof AVAILABILITY_SYNC_STATES)[number];
export type ConfigurationSync = (typeof CONFIGURATION_SYNC_STATES)[number];
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export type ImportRowOutcome = (typeof IMPORT_ROW_OUTCOMES)[number];
export type StationCommandKind = (typeof STATION_COMMAND_KINDS)[number];
export type StationCommandStatus = (typeof STATION_COMMAND_STATUSES)[number];
export type TestStepName = (typeof TEST_STEP_NAMES)[number];

/** SQL `in (...)` list for a check constraint. */
export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');

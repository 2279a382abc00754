import { z } from 'zod';
import {
  AVAILABILITIES,
  AVAILABILITY_SYNC_STATES,
  CHARGER_TYPES,
  COMMISSIONING_STATUSES,
  CONNECTOR_FORMATS,
  CONNECTOR_STANDARDS,
  EVSE_CAPABILITIES,
  EVSE_STATUSES,
  POWER_TYPES,
  STATION_ACCESS,
  TEST_RUN_STATUSES,
  TEST_STEP_STATUSES,
} from '@/lib/domain/vocabulary';
import { connectorBlueprintSchema, connectorListOf, evseBlueprintFields } from './evse-blueprint';
import { customGroupNames, entityMeta, exportFormat, listOf, listQueryBase, queryBoolean, text, timestamp, uuid } from './common';
import { nearFilter, nearNeedsRadius, nearNeedsRadiusError } from './location';
import { tariffCode } from './tariff';

/**
 * eMI3 / OCPI EVSE id, e.g. NL*GFX*E12345*1 (separators optional), any letter case. Written without
 * flags or back-references so the OpenAPI `pattern` means the same to every client.
 */
const EVSE_ID = /^[A-Za-z]{2}\*?[A-Za-z0-9]{3}\*?[Ee][A-Za-z0-9*]{1,30}$/;
export const connectorInputSchema = connectorBlueprintSchema.extend({
  tariff_ids: z.array(tariffCode()).max(20).optional().describe('Tariff codes; changing them needs station:tariff'),
});

export const evseInputSchema = z
  .object({
    uid: uuid().optional().describe('Server-generated; send it to keep an EVSE, leave it out to add one'),
    evse_id: text().regex(EVSE_ID, 'must be an eMI3 EVSE id such as NL*GFX*E12345*1').nullable().optional(),
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
  .record(text().min(1).max(50), text().max(500))
  .refine((c) => Object.keys(c).length <= 200, 'at most 200 keys')
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
  maintenance_windows: z.array(maintenanceWindowSchema).max(100).optional(),
  evses: z.array(evseInputSchema).max(32).optional(),
  ocpp_password: text()
    .min(16)
    .max(64)
    .optional()
    .describe('Write-only: HTTP Basic password of the station on the OCPP endpoint (stored hashed, never returned)'),
};

export const chargeStationCreateSchema = z
  .object({
    ocpp_id: text().regex(/^[\x21-\x7e]{1,48}$/, 'must be 1–48 printable ASCII characters without spaces'),
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

export const connectorSchema = z.object({
  id: z.string(),
  standard: z.enum(CONNECTOR_STANDARDS),
  format: z.enum(CONNECTOR_FORMATS),
  power_type: z.enum(POWER_TYPES),
  max_voltage: z.number().int(),
  max_amperage: z.number().int(),
  max_electric_power: z.number().int().nullable(),
  tariff_ids: z.array(z.string()),
});

export const evseSchema = z.object({
  uid: uuid(),
  evse_id: z.string().nullable(),
  status: z.enum(EVSE_STATUSES),
  capabilities: z.array(z.enum(EVSE_CAPABILITIES)),
  availability: z.enum(AVAILABILITIES),
  floor_level: z.string().nullable(),
  physical_reference: z.string().nullable(),
  connectors: z.array(connectorSchema),
});

export const chargeStationSchema = z
  .object({
    id: uuid(),
    tenant_id: uuid().nullable().describe('Null while the station is in the unassigned pool'),
    location_id: uuid().nullable(),
    ocpp_id: z.string(),
    name: z.string().nullable(),
    vendor: z.string().nullable(),
    model: z.string().nullable(),
    serial_number: z.string().nullable(),
    firmware_version: z.string().nullable(),
    charger_type: z.enum(CHARGER_TYPES),
    access: z.enum(STATION_ACCESS).nullable(),
    max_power_kw: z.number().nullable(),
    configuration: z.record(z.string(), z.string()),
    availability: z.enum(AVAILABILITIES).describe('Desired, set through /availability'),
    availability_sync: z.enum(AVAILABILITY_SYNC_STATES),
    status: z.enum(EVSE_STATUSES).describe('Last reported, aggregated over the EVSEs'),
    last_heartbeat_at: timestamp().nullable(),
    connected: z.boolean(),
    custom_groups: z.array(z.string()),
    remarks: z.string().nullable(),
    maintenance_windows: z.array(z.object({ starts_at: timestamp(), ends_at: timestamp(), reason: z.string().nullable().optional() })),
    commissioning_status: z.enum(COMMISSIONING_STATUSES),
    template_id: uuid().nullable(),
    evses: z.array(evseSchema),
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
    evse_uids: z.array(uuid()).min(1).max(32).optional().describe('Only these EVSEs; otherwise the whole station'),
  })
  .strict()
  .meta({ id: 'AvailabilityRequest' });
export type AvailabilityInput = z.infer<typeof availabilitySchema>;

export const setTariffsSchema = z
  .object({
    tariff_ids: z.array(tariffCode()).max(20),
    evse_uids: z.array(uuid()).min(1).max(32).optional().describe('Only the connectors of these EVSEs'),
    connectors: z
      .array(z.object({ evse_uid: uuid(), connector_id: text().min(1).max(36) }).strict())
      .min(1)
      .max(256)
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
  .array(z.object({ id: uuid(), version: z.number().int().positive().optional() }).strict())
  .min(1, 'select at least one station')
  .max(BULK_MAX_IDS, `at most ${BULK_MAX_IDS} stations at once`)
  .transform((items) => items.filter((item, i) => items.findIndex((other) => other.id === item.id) === i));
export type BulkStationItem = z.input<typeof bulkItemsSchema>[number];

export const configurationResponseSchema = z
  .object({ configuration: z.record(z.string(), z.string()), version: z.number().int() })
  .meta({ id: 'StationConfiguration' });
export const configurationPatchSchema = z
  .record(text().min(1).max(50), text().max(500).nullable())
  .describe('JSON merge patch of the configuration map: a string sets a key, null removes it')
  .meta({ id: 'StationConfigurationPatch' });

export const testRunSchema = z
  .object({
    id: uuid(),
    station_id: uuid(),
    status: z.enum(TEST_RUN_STATUSES),
    steps: z.array(z.object({ name: z.string(), status: z.enum(TEST_STEP_STATUSES), detail: z.string().nullable().optional() })),
    started_at: timestamp(),
    finished_at: timestamp().nullable(),
  })
  .meta({ id: 'TestRun' });
export type TestRun = z.infer<typeof testRunSchema>;

import { z } from 'zod';
import { FACILITIES, PARKING_TYPES } from '@/lib/domain/vocabulary';
import {
  count,
  customGroupList,
  customGroupNames,
  dateOnly,
  entityMeta,
  exportFormat,
  int,
  listOf,
  listQueryBase,
  text,
  timestamp,
  uuid,
  queryDecimal,
} from './common';

export const coordinatesSchema = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
  })
  .strict();

const hhmm = text()
  .max(5)
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be HH:MM');
const period = z.object({ period_begin: timestamp(), period_end: timestamp() }).strict();

export const openingTimesSchema = z
  .object({
    twentyfourseven: z.boolean(),
    regular_hours: z
      .array(z.object({ weekday: int(1, 7), period_begin: hhmm, period_end: hhmm }).strict())
      .max(100)
      .optional(),
    exceptional_openings: z.array(period).max(100).optional(),
    exceptional_closings: z.array(period).max(100).optional(),
  })
  .strict();

export const displayTextSchema = z.object({ language: text().length(2), text: text().min(1).max(512) }).strict();

export const locationMaintenanceSchema = z
  .object({
    contractor: text().max(255).nullable().optional(),
    contract_reference: text().max(255).nullable().optional(),
    last_service_date: dateOnly().nullable().optional(),
    next_service_date: dateOnly().nullable().optional(),
    notes: text().max(4000).nullable().optional(),
  })
  .strict();

/** Fields a client may write, with their constraints (OCPI 2.2.1 meaning, docs/DOMAIN.md#objects). */
const writableFields = {
  external_id: text().trim().min(1).max(255).nullable().optional(),
  name: text().trim().min(1).max(255),
  address: text().trim().min(1).max(255),
  city: text().trim().min(1).max(100),
  postal_code: text().trim().max(20).nullable().optional(),
  state: text().trim().max(100).nullable().optional(),
  country: text()
    .max(3)
    .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code'),
  coordinates: coordinatesSchema,
  time_zone: text()
    .max(64)
    .refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC', 'must be an IANA time zone')
    .nullable()
    .optional(),
  parking_type: z.enum(PARKING_TYPES).nullable().optional(),
  facilities: z.array(z.enum(FACILITIES)).max(FACILITIES.length).optional(),
  opening_times: openingTimesSchema.nullable().optional(),
  charging_when_closed: z.boolean().nullable().optional(),
  directions: z.array(displayTextSchema).max(20).optional(),
  publish: z.boolean().optional(),
  custom_groups: customGroupNames().optional(),
  remarks: text().max(4000).nullable().optional(),
  maintenance: locationMaintenanceSchema.nullable().optional(),
};

/** POST /api/v2/locations. Unknown fields (including `id`) are rejected. */
export const locationCreateSchema = z
  .object({
    tenant_id: uuid().optional().describe('Required unless the caller has exactly one tenant'),
    ...writableFields,
  })
  .strict()
  .meta({ id: 'LocationCreate' });
export type LocationCreateInput = z.infer<typeof locationCreateSchema>;

/** PUT body, and the merged result of a PATCH: the full writable state of a location. */
export const locationReplaceSchema = z.object(writableFields).strict().meta({ id: 'LocationReplace' });
export type LocationReplaceInput = z.infer<typeof locationReplaceSchema>;

/** PATCH body (JSON merge patch): any writable field; `null` clears an optional one. */
export const locationPatchSchema = z.object(writableFields).partial().strict().meta({ id: 'LocationPatch' });

export const locationSchema = z
  .object({
    id: uuid(),
    tenant_id: uuid(),
    external_id: z.string().max(255).nullable(),
    name: z.string().max(255),
    address: z.string().max(255),
    city: z.string().max(100),
    postal_code: z.string().max(20).nullable(),
    state: z.string().max(100).nullable(),
    country: z
      .string()
      .max(3)
      .regex(/^[A-Z]{3}$/),
    coordinates: coordinatesSchema,
    time_zone: z.string().max(64).nullable(),
    parking_type: z.enum(PARKING_TYPES).nullable(),
    facilities: z.array(z.enum(FACILITIES)).max(FACILITIES.length),
    opening_times: openingTimesSchema.nullable(),
    charging_when_closed: z.boolean().nullable(),
    directions: z.array(displayTextSchema).max(20),
    publish: z.boolean(),
    custom_groups: customGroupList(),
    remarks: z.string().max(4000).nullable(),
    maintenance: locationMaintenanceSchema.nullable(),
    stations_count: count(),
    evses_count: count(),
    ...entityMeta,
    deleted_at: timestamp().optional().describe('Only with include_deleted=true, on deleted locations'),
  })
  .meta({ id: 'Location' });
export type Location = z.infer<typeof locationSchema>;

export const LOCATION_SORTS = ['name', 'updated_at', 'created_at'] as const;

const nearSchema = z
  .string()
  .max(64)
  .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, 'must be "lat,lon"')
  .transform((v) => v.split(',').map(Number) as [number, number])
  .refine(([lat, lon]) => Math.abs(lat) <= 90 && Math.abs(lon) <= 180, 'coordinates out of range');

/** `near=lat,lon` + `radius` (metres): on stations it applies through their location. */
export const nearFilter = {
  near: nearSchema.optional().describe('"lat,lon": with `radius`, only objects within that many metres'),
  radius: queryDecimal(1, 1000).optional().describe('Metres, 1–1000; required with `near`'),
};

const locationFilters = {
  ...listQueryBase,
  ...nearFilter,
  sort: z.enum([...LOCATION_SORTS, ...LOCATION_SORTS.map((s) => `-${s}` as const)]).default('updated_at'),
};
export const nearNeedsRadius = <T extends { near?: unknown; radius?: unknown }>(q: T) =>
  (q.near === undefined) === (q.radius === undefined);
export const nearNeedsRadiusError = { path: ['radius'], message: '`near` and `radius` go together' };

export const locationListQuerySchema = z.object(locationFilters).strict().refine(nearNeedsRadius, nearNeedsRadiusError);
export type LocationListQuery = z.infer<typeof locationListQuerySchema>;

export const locationListSchema = listOf(locationSchema).meta({ id: 'LocationList' });

const { limit: _limit, cursor: _cursor, ...exportFilters } = locationFilters;
export const locationExportQuerySchema = z
  .object({ format: exportFormat(), ...exportFilters })
  .strict()
  .refine(nearNeedsRadius, nearNeedsRadiusError);
export type LocationExportQuery = z.infer<typeof locationExportQuerySchema>;

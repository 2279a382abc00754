import { z } from 'zod';
import { defineEndpoint, resourceResponse } from '@/lib/http/endpoint';
import { exportResponse } from '@/lib/http/export';
import { idParams } from '@/lib/schemas/common';
import {
  locationCreateSchema,
  locationExportQuerySchema,
  locationListQuerySchema,
  locationListSchema,
  locationPatchSchema,
  locationReplaceSchema,
  locationSchema,
  type Location,
  type LocationCreateInput,
} from '@/lib/schemas/location';
import { createLocation, deleteLocation, exportLocations, getLocation, listLocations, updateLocation } from '@/lib/services/locations';
import { listEndpoint, resourceEndpoints } from './resource-endpoints';

const tag = 'Locations';

const example: LocationCreateInput = {
  external_id: 'SF-LOC-1',
  name: 'Parkzicht garage',
  address: 'Parklaan 12',
  city: 'Utrecht',
  postal_code: '3581 AB',
  country: 'NLD',
  coordinates: { latitude: 52.0907, longitude: 5.1214 },
  time_zone: 'Europe/Amsterdam',
  parking_type: 'UNDERGROUND_GARAGE',
  facilities: ['SUPERMARKET'],
  custom_groups: ['Phase 1'],
  remarks: 'Gate code at reception',
  maintenance: { contractor: 'ChargeCare BV', next_service_date: '2027-03-01' },
};

export const listLocationsEndpoint = listEndpoint({
  path: '/api/v2/locations',
  tag,
  name: 'Locations',
  noun: 'locations',
  description: 'Keyset-paginated; default order `updated_at, id`. Use `date_from` + `next_cursor` for incremental sync.',
  query: locationListQuerySchema,
  schema: locationListSchema,
  run: listLocations,
});

export const createLocationEndpoint = defineEndpoint({
  method: 'POST',
  path: '/api/v2/locations',
  operationId: 'createLocation',
  summary: 'Create a location',
  tag,
  body: { schema: locationCreateSchema, validate: true, example },
  success: { status: 201, description: 'The created location', schema: locationSchema, headers: ['ETag', 'Location'] },
  handler: async ({ ctx, body }) => resourceResponse(await createLocation({ ctx, input: body }), { created: 'locations' }),
});

export const exportLocationsEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/locations/export',
  operationId: 'exportLocations',
  summary: 'Export locations as CSV or NDJSON',
  description: 'Streams every location matching the list filters (no paging).',
  tag,
  query: locationExportQuerySchema,
  success: {
    status: 200,
    description: 'The locations, streamed',
    media: { 'application/x-ndjson': z.string(), 'text/csv': z.string() },
  },
  handler: async ({ ctx, query }) => exportResponse(exportLocations({ ctx, query }), query.format, LOCATION_COLUMNS, 'locations'),
});

const LOCATION_COLUMNS = Object.keys(locationSchema.shape) as (keyof Location & string)[];

export const {
  get: getLocationEndpoint,
  replace: replaceLocationEndpoint,
  patch: patchLocationEndpoint,
  delete: deleteLocationEndpoint,
} = resourceEndpoints({
  path: '/api/v2/locations/{id}',
  tag,
  params: idParams,
  name: 'Location',
  noun: 'a location',
  response: { schema: locationSchema, description: 'The location', updated: 'The updated location' },
  get: { run: getLocation },
  replace: {
    description: 'Optional fields left out are cleared. Read-only fields may be echoed unchanged.',
    schema: locationReplaceSchema,
    example,
    errors: [409],
    run: (target) => updateLocation({ ...target, mode: 'replace' }),
  },
  patch: {
    description: 'RFC 7396: `null` clears, objects such as `maintenance` merge, arrays replace.',
    schema: locationPatchSchema,
    example: { remarks: 'Gate code 4411', maintenance: { next_service_date: '2027-06-01' } },
    errors: [409],
    run: (target) => updateLocation({ ...target, mode: 'merge' }),
  },
  delete: { description: 'Soft delete; 409 while charge stations are linked to it.', errors: [409], run: deleteLocation },
});

export const locationEndpoints = [
  listLocationsEndpoint,
  createLocationEndpoint,
  exportLocationsEndpoint,
  getLocationEndpoint,
  replaceLocationEndpoint,
  patchLocationEndpoint,
  deleteLocationEndpoint,
];

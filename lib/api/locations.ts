import { z } from 'zod';
import { defineEndpoint, ifMatchVersion, noContent, resourceResponse } from '@/lib/http/endpoint';
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

export const listLocationsEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/locations',
  operationId: 'listLocations',
  summary: 'List locations',
  description: 'Keyset-paginated; default order `updated_at, id`. Use `date_from` + `next_cursor` for incremental sync.',
  tag,
  query: locationListQuerySchema,
  success: { status: 200, description: 'A page of locations', schema: locationListSchema },
  handler: async ({ ctx, query }) => Response.json(await listLocations({ ctx, query })),
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

export const getLocationEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/locations/{id}',
  operationId: 'getLocation',
  summary: 'Get a location',
  tag,
  params: idParams,
  success: { status: 200, description: 'The location', schema: locationSchema, headers: ['ETag'] },
  handler: async ({ ctx, params }) => resourceResponse(await getLocation({ ctx, id: params.id })),
});

export const replaceLocationEndpoint = defineEndpoint({
  method: 'PUT',
  path: '/api/v2/locations/{id}',
  operationId: 'replaceLocation',
  summary: 'Replace a location',
  description: 'Optional fields left out are cleared. Read-only fields may be echoed unchanged.',
  tag,
  params: idParams,
  body: { schema: locationReplaceSchema, validate: false, example },
  success: { status: 200, description: 'The updated location', schema: locationSchema, headers: ['ETag'] },
  errors: [409],
  handler: async ({ request, ctx, params, body }) =>
    resourceResponse(await updateLocation({ ctx, id: params.id, body, mode: 'replace', expectedVersion: ifMatchVersion(request) })),
});

export const patchLocationEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/api/v2/locations/{id}',
  operationId: 'patchLocation',
  summary: 'Update a location (JSON merge patch)',
  description: 'RFC 7396: `null` clears, objects such as `maintenance` merge, arrays replace.',
  tag,
  params: idParams,
  body: {
    schema: locationPatchSchema,
    validate: false,
    example: { remarks: 'Gate code 4411', maintenance: { next_service_date: '2027-06-01' } },
    mergePatch: true,
  },
  success: { status: 200, description: 'The updated location', schema: locationSchema, headers: ['ETag'] },
  errors: [409],
  handler: async ({ request, ctx, params, body }) =>
    resourceResponse(await updateLocation({ ctx, id: params.id, body, mode: 'merge', expectedVersion: ifMatchVersion(request) })),
});

export const deleteLocationEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/api/v2/locations/{id}',
  operationId: 'deleteLocation',
  summary: 'Delete a location',
  description: 'Soft delete; 409 while charge stations are linked to it.',
  tag,
  params: idParams,
  success: { status: 204, description: 'Deleted' },
  errors: [409],
  handler: async ({ request, ctx, params }) => {
    await deleteLocation({ ctx, id: params.id, expectedVersion: ifMatchVersion(request) });
    return noContent();
  },
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

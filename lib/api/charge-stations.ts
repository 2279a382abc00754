import { z } from 'zod';
import { defineEndpoint, resourceResponse } from '@/lib/http/endpoint';
import { exportResponse } from '@/lib/http/export';
import {
  availabilitySchema,
  chargeStationCreateSchema,
  commandParams,
  chargeStationExportQuerySchema,
  chargeStationListQuerySchema,
  chargeStationListSchema,
  chargeStationPatchSchema,
  chargeStationReplaceSchema,
  chargeStationSchema,
  configurationPatchSchema,
  configurationResponseSchema,
  linkSchema,
  maintenanceWindowSchema,
  ocppMessageListSchema,
  resetSchema,
  setTariffsSchema,
  stationCommandListSchema,
  stationCommandSchema,
  stationLogQuerySchema,
  testRunSchema,
  testRunStartSchema,
  type ChargeStation,
  type ChargeStationCreateInput,
} from '@/lib/schemas/charge-station';
import { idParams } from '@/lib/schemas/common';
import {
  addMaintenanceWindow,
  createChargeStation,
  deleteChargeStation,
  exportChargeStations,
  getChargeStation,
  getConfiguration,
  getStationCommand,
  getTestRun,
  linkChargeStation,
  listChargeStations,
  listOcppMessages,
  listStationCommands,
  removeMaintenanceWindow,
  resetChargeStation,
  setAvailability,
  setTariffs,
  startTestRun,
  unlinkChargeStation,
  updateChargeStation,
  updateConfiguration,
} from '@/lib/services/charge-stations';
import { t2SocketExample } from './examples';
import { listEndpoint, resourceEndpoints } from './resource-endpoints';

const tag = 'Charge stations';
const base = '/api/v2/charge-stations';

const example: ChargeStationCreateInput = {
  ocpp_id: 'PZ-001',
  name: 'Garage left',
  vendor: 'Alfen',
  model: 'Eve Double',
  serial_number: 'ACE0012345',
  charger_type: 'AC',
  access: 'PRIVATE',
  max_power_kw: 22,
  configuration: { HeartbeatInterval: '300' },
  custom_groups: ['Phase 1'],
  evses: [
    {
      evse_id: 'NL*GFX*E0001*1',
      capabilities: ['RFID_READER'],
      connectors: [t2SocketExample],
    },
  ],
};
const { ocpp_id: _ocppId, ...replaceExample } = example;

const stationResponse = {
  status: 200 as const,
  description: 'The charge station',
  schema: chargeStationSchema,
  headers: ['ETag' as const],
};

export const listChargeStationsEndpoint = listEndpoint({
  path: base,
  tag,
  name: 'ChargeStations',
  noun: 'charge stations',
  description: 'Keyset-paginated; default order `updated_at, id`. Use `date_from` + `next_cursor` for incremental sync.',
  query: chargeStationListQuerySchema,
  schema: chargeStationListSchema,
  run: listChargeStations,
});

export const createChargeStationEndpoint = defineEndpoint({
  method: 'POST',
  path: base,
  operationId: 'createChargeStation',
  summary: 'Create a charge station',
  description:
    'With `location_id` it joins that location’s tenant; with only `tenant_id` it is unlinked there; with neither it goes to the unassigned pool (CPO-wide callers only).',
  tag,
  body: { schema: chargeStationCreateSchema, validate: true, example },
  success: { status: 201, description: 'The created station', schema: chargeStationSchema, headers: ['ETag', 'Location'] },
  handler: async ({ ctx, body }) => resourceResponse(await createChargeStation({ ctx, input: body }), { created: 'charge-stations' }),
});

const STATION_COLUMNS = Object.keys(chargeStationSchema.shape) as (keyof ChargeStation & string)[];

export const exportChargeStationsEndpoint = defineEndpoint({
  method: 'GET',
  path: `${base}/export`,
  operationId: 'exportChargeStations',
  summary: 'Export charge stations as CSV or NDJSON',
  description: 'Streams every station matching the list filters (no paging).',
  tag,
  query: chargeStationExportQuerySchema,
  success: { status: 200, description: 'The stations, streamed', media: { 'application/x-ndjson': z.string(), 'text/csv': z.string() } },
  handler: async ({ ctx, query }) => exportResponse(exportChargeStations({ ctx, query }), query.format, STATION_COLUMNS, 'charge-stations'),
});

export const {
  get: getChargeStationEndpoint,
  replace: replaceChargeStationEndpoint,
  patch: patchChargeStationEndpoint,
  delete: deleteChargeStationEndpoint,
} = resourceEndpoints({
  path: `${base}/{id}`,
  tag,
  params: idParams,
  name: 'ChargeStation',
  noun: 'a charge station',
  response: stationResponse,
  get: { run: getChargeStation },
  replace: {
    description: 'Optional fields left out are cleared; EVSEs are matched by `uid`, new ones have none, left-out ones are removed.',
    schema: chargeStationReplaceSchema,
    example: replaceExample,
    run: (target) => updateChargeStation({ ...target, mode: 'replace' }),
  },
  patch: {
    description:
      'RFC 7396. `evses`, if sent, replaces the list (matched by `uid`). Holders of only station:maintenance may send just `maintenance_windows`.',
    schema: chargeStationPatchSchema,
    example: {
      remarks: 'Cable replaced',
      maintenance_windows: [{ starts_at: '2027-01-10T08:00:00Z', ends_at: '2027-01-10T12:00:00Z', reason: 'Annual service' }],
    },
    run: (target) => updateChargeStation({ ...target, mode: 'merge' }),
  },
  delete: { description: 'Soft delete; the ocpp_id becomes free again.', run: deleteChargeStation },
});

export const linkChargeStationEndpoint = defineEndpoint({
  method: 'POST',
  path: `${base}/{id}/link`,
  operationId: 'linkChargeStation',
  summary: 'Link a station to a location',
  description: 'The station takes the location’s tenant. Needs station:link.',
  tag,
  params: idParams,
  body: { schema: linkSchema, validate: true, example: { location_id: '6f1c1c53-1b59-4f7e-9d0a-7a3c7d7e2b10' } },
  success: stationResponse,
  ifMatch: true,
  handler: async ({ ctx, params, body, expectedVersion }) =>
    resourceResponse(await linkChargeStation({ ctx, id: params.id, locationId: body.location_id, expectedVersion })),
});

export const unlinkChargeStationEndpoint = defineEndpoint({
  method: 'POST',
  path: `${base}/{id}/unlink`,
  operationId: 'unlinkChargeStation',
  summary: 'Unlink a station from its location',
  description: 'Clears `location_id`; the station stays in its tenant. Needs station:link.',
  tag,
  params: idParams,
  success: stationResponse,
  ifMatch: true,
  handler: async ({ ctx, params, expectedVersion }) => resourceResponse(await unlinkChargeStation({ ctx, id: params.id, expectedVersion })),
});

export const setAvailabilityEndpoint = defineEndpoint({
  method: 'POST',
  path: `${base}/{id}/availability`,
  operationId: 'setChargeStationAvailability',
  summary: 'Set the desired availability',
  description:
    'Of the station, or of the EVSEs in `evse_uids`. Answers 202: a command carries it to the station, and `availability_sync` of the station and of the EVSEs concerned says how far it got — PENDING while a connected station has not confirmed it, OFFLINE while it is not connected (it is sent when it connects), then APPLIED, SCHEDULED or REJECTED.',
  tag,
  params: idParams,
  body: { schema: availabilitySchema, validate: true, example: { availability: 'INOPERATIVE' } },
  success: { status: 202, description: 'Accepted; the station with its sync state', schema: chargeStationSchema, headers: ['ETag'] },
  ifMatch: true,
  handler: async ({ ctx, params, body, expectedVersion }) =>
    resourceResponse(await setAvailability({ ctx, id: params.id, input: body, expectedVersion }), { status: 202 }),
});

export const setTariffsEndpoint = defineEndpoint({
  method: 'PUT',
  path: `${base}/{id}/tariffs`,
  operationId: 'setChargeStationTariffs',
  summary: 'Set the tariff codes of connectors',
  description: 'All connectors, or those of `evse_uids`, or the `connectors` named. Each tariff must be offered to the station’s tenant.',
  tag,
  params: idParams,
  body: { schema: setTariffsSchema, validate: true, example: { tariff_ids: ['AC-STANDARD'] } },
  success: stationResponse,
  handler: async ({ ctx, params, body, expectedVersion }) =>
    resourceResponse(await setTariffs({ ctx, id: params.id, input: body, expectedVersion })),
});

export const getConfigurationEndpoint = defineEndpoint({
  method: 'GET',
  path: `${base}/{id}/configuration`,
  operationId: 'getChargeStationConfiguration',
  summary: 'Get the OCPP configuration: desired, reported and drift',
  description:
    '`configuration` is the desired key map; `reported_configuration` what the station last reported (GetConfiguration, after every accepted boot); `keys` compares them per key with its sync state and `drift` (desired but reported otherwise).',
  tag,
  params: idParams,
  success: { status: 200, description: 'The configuration keys', schema: configurationResponseSchema, headers: ['ETag'] },
  handler: async ({ ctx, params }) => resourceResponse(await getConfiguration({ ctx, id: params.id })),
});

export const patchConfigurationEndpoint = defineEndpoint({
  method: 'PATCH',
  path: `${base}/{id}/configuration`,
  operationId: 'patchChargeStationConfiguration',
  summary: 'Change desired OCPP configuration keys',
  description:
    'JSON merge patch of the key map: a string sets a key, null removes it. Changed and added keys are sent to the station (their sync state PENDING, or OFFLINE while it is not connected); a removed key is only no longer desired. Needs station:write.',
  tag,
  params: idParams,
  body: {
    schema: configurationPatchSchema,
    validate: false,
    mergePatch: true,
    example: { HeartbeatInterval: '600', MeterValueSampleInterval: null },
  },
  success: { status: 200, description: 'The configuration keys', schema: configurationResponseSchema, headers: ['ETag'] },
  handler: async ({ ctx, params, body, expectedVersion }) =>
    resourceResponse(await updateConfiguration({ ctx, id: params.id, patch: body, expectedVersion })),
});

const runParams = z.object({ id: idParams.shape.id, run_id: z.string().min(1).max(200).describe('The test run id') });

export const startTestRunEndpoint = defineEndpoint({
  method: 'POST',
  path: `${base}/{id}/tests`,
  operationId: 'startChargeStationTest',
  summary: 'Run commissioning tests',
  description:
    'Answers 201 with a RUNNING run at once; the steps then run in order on the connected station (connected, boot accepted, heartbeat, connector status, configuration, and remote start/stop when `remote_start` names a connector). Poll `GET …/tests/{run_id}` for progress. The body is optional. Needs station:test.',
  tag,
  params: idParams,
  body: {
    schema: testRunStartSchema,
    validate: true,
    optional: true,
    example: { remote_start: { evse_uid: '9a7c1d2e-3f4b-4c5d-8e6f-7a8b9c0d1e2f', connector_id: '1', id_tag: 'COMMISSION' } },
  },
  success: { status: 201, description: 'The test run, RUNNING with every step PENDING', schema: testRunSchema, headers: ['Location'] },
  handler: async ({ ctx, params, body }) => {
    const run = await startTestRun({ ctx, id: params.id, input: body });
    return Response.json(run, { status: 201, headers: { location: `${base}/${params.id}/tests/${run.id}` } });
  },
});

export const getTestRunEndpoint = defineEndpoint({
  method: 'GET',
  path: `${base}/{id}/tests/{run_id}`,
  operationId: 'getChargeStationTest',
  summary: 'Get a commissioning test run',
  tag,
  params: runParams,
  success: { status: 200, description: 'The test run with its steps', schema: testRunSchema },
  handler: async ({ ctx, params }) => Response.json(await getTestRun({ ctx, id: params.id, runId: params.run_id })),
});

export const resetChargeStationEndpoint = defineEndpoint({
  method: 'POST',
  path: `${base}/{id}/reset`,
  operationId: 'resetChargeStation',
  summary: 'Reset (reboot) a station',
  description:
    'Queues a reset command and waits up to 5 s for the station’s answer: 202 with the command, `status` ACCEPTED or REJECTED when it answered, else QUEUED or SENT (follow it at `…/commands/{command_id}`). A station that is not connected answers nothing: the command stays QUEUED and is dropped (TIMED_OUT) unless it connects within 10 minutes. Needs station:write.',
  tag,
  params: idParams,
  body: { schema: resetSchema, validate: true, example: { type: 'SOFT' } },
  success: { status: 202, description: 'The reset command with its outcome so far', schema: stationCommandSchema },
  handler: async ({ ctx, params, body }) => Response.json(await resetChargeStation({ ctx, id: params.id, input: body }), { status: 202 }),
});

export const listStationCommandsEndpoint = defineEndpoint({
  method: 'GET',
  path: `${base}/{id}/commands`,
  operationId: 'listChargeStationCommands',
  summary: 'List the commands sent to a station',
  description:
    'Newest first, cursor-paged: availability and configuration syncs, password provisioning, resets, test calls, each with its status and answer.',
  tag,
  params: idParams,
  query: stationLogQuerySchema,
  success: { status: 200, description: 'A page of commands', schema: stationCommandListSchema },
  handler: async ({ ctx, params, query }) => Response.json(await listStationCommands({ ctx, id: params.id, query })),
});

export const getStationCommandEndpoint = defineEndpoint({
  method: 'GET',
  path: `${base}/{id}/commands/{command_id}`,
  operationId: 'getChargeStationCommand',
  summary: 'Get a command sent to a station',
  tag,
  params: commandParams,
  success: { status: 200, description: 'The command with its status and answer', schema: stationCommandSchema },
  handler: async ({ ctx, params }) => Response.json(await getStationCommand({ ctx, id: params.id, commandId: params.command_id })),
});

export const listOcppMessagesEndpoint = defineEndpoint({
  method: 'GET',
  path: `${base}/{id}/ocpp-messages`,
  operationId: 'listChargeStationOcppMessages',
  summary: 'List a station’s OCPP messages',
  description:
    'Every OCPP frame to and from the station, newest first, cursor-paged. Kept for the newest 1,000 frames and at most 7 days; AuthorizationKey values are masked.',
  tag,
  params: idParams,
  query: stationLogQuerySchema,
  success: { status: 200, description: 'A page of OCPP messages', schema: ocppMessageListSchema },
  handler: async ({ ctx, params, query }) => Response.json(await listOcppMessages({ ctx, id: params.id, query })),
});

export const chargeStationsEndpoints = [
  listChargeStationsEndpoint,
  createChargeStationEndpoint,
  exportChargeStationsEndpoint,
  getChargeStationEndpoint,
  replaceChargeStationEndpoint,
  patchChargeStationEndpoint,
  deleteChargeStationEndpoint,
  linkChargeStationEndpoint,
  unlinkChargeStationEndpoint,
  setAvailabilityEndpoint,
  setTariffsEndpoint,
  getConfigurationEndpoint,
  patchConfigurationEndpoint,
  startTestRunEndpoint,
  getTestRunEndpoint,
  resetChargeStationEndpoint,
  listStationCommandsEndpoint,
  getStationCommandEndpoint,
  listOcppMessagesEndpoint,
];

const windowExample = { starts_at: '2027-01-10T08:00:00Z', ends_at: '2027-01-10T12:00:00Z', reason: 'Annual service' };
const windowParams = z.object({
  id: idParams.shape.id,
  index: z.string().min(1).max(20).describe('0-based position in `maintenance_windows`'),
});

export const addMaintenanceWindowEndpoint = defineEndpoint({
  method: 'POST',
  path: `${base}/{id}/maintenance-windows`,
  operationId: 'addChargeStationMaintenanceWindow',
  summary: 'Add a maintenance window',
  description: 'Appends to `maintenance_windows`. Needs station:maintenance or station:write.',
  tag,
  params: idParams,
  body: { schema: maintenanceWindowSchema, validate: true, example: windowExample },
  success: stationResponse,
  ifMatch: true,
  handler: async ({ ctx, params, body, expectedVersion }) =>
    resourceResponse(await addMaintenanceWindow({ ctx, id: params.id, input: body, expectedVersion })),
});

export const removeMaintenanceWindowEndpoint = defineEndpoint({
  method: 'DELETE',
  path: `${base}/{id}/maintenance-windows/{index}`,
  operationId: 'removeChargeStationMaintenanceWindow',
  summary: 'Remove a maintenance window',
  description:
    'By its 0-based position in `maintenance_windows` (404 when there is none); send If-Match, since positions shift. Answers the station’s new ETag. Needs station:maintenance or station:write.',
  tag,
  params: windowParams,
  success: { status: 204, description: 'Removed', headers: ['ETag'] },
  handler: async ({ ctx, params, expectedVersion }) => {
    // Anything but a plain number names no window: 404, as an unknown id would.
    const index = /^\d+$/.test(params.index) ? Number(params.index) : -1;
    const station = await removeMaintenanceWindow({ ctx, id: params.id, index, expectedVersion });
    return new Response(null, { status: 204, headers: { etag: `"${station.version}"` } });
  },
});

export const maintenanceWindowEndpoints = [addMaintenanceWindowEndpoint, removeMaintenanceWindowEndpoint];

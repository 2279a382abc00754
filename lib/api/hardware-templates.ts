import { defineEndpoint, ifMatchVersion, noContent, resourceResponse, type Endpoint } from '@/lib/http/endpoint';
import { idParams } from '@/lib/schemas/common';
import {
  hardwareTemplateCreateSchema,
  hardwareTemplateListQuerySchema,
  hardwareTemplateListSchema,
  hardwareTemplatePatchSchema,
  hardwareTemplateReplaceSchema,
  hardwareTemplateSchema,
  type HardwareTemplateCreateInput,
} from '@/lib/schemas/hardware-template';
import {
  createHardwareTemplate,
  deleteHardwareTemplate,
  getHardwareTemplate,
  listHardwareTemplates,
  updateHardwareTemplate,
} from '@/lib/services/hardware-templates';

const tag = 'Hardware templates';

const t2Socket = {
  id: '1',
  standard: 'IEC_62196_T2',
  format: 'SOCKET',
  power_type: 'AC_3_PHASE',
  max_voltage: 400,
  max_amperage: 32,
  max_electric_power: 22000,
} as const;

const example: HardwareTemplateCreateInput = {
  name: 'Alfen Eve Double 2×22 kW',
  vendor: 'Alfen',
  model: 'Eve Double',
  charger_type: 'AC',
  max_power_kw: 44,
  evses: [
    { capabilities: ['RFID_READER', 'REMOTE_START_STOP_CAPABLE'], physical_reference: 'L', connectors: [t2Socket] },
    { capabilities: ['RFID_READER', 'REMOTE_START_STOP_CAPABLE'], physical_reference: 'R', connectors: [t2Socket] },
  ],
};

export const listHardwareTemplatesEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/hardware-templates',
  operationId: 'listHardwareTemplates',
  summary: 'List hardware templates',
  description: 'The CPO’s catalog of station models. Keyset-paginated; default order `updated_at, id`.',
  tag,
  query: hardwareTemplateListQuerySchema,
  success: { status: 200, description: 'A page of hardware templates', schema: hardwareTemplateListSchema },
  handler: async ({ ctx, query }) => Response.json(await listHardwareTemplates({ ctx, query })),
});

export const createHardwareTemplateEndpoint = defineEndpoint({
  method: 'POST',
  path: '/api/v2/hardware-templates',
  operationId: 'createHardwareTemplate',
  summary: 'Create a hardware template',
  description: 'Needs `station:write` CPO-wide.',
  tag,
  body: { schema: hardwareTemplateCreateSchema, validate: true, example },
  success: { status: 201, description: 'The created template', schema: hardwareTemplateSchema, headers: ['ETag', 'Location'] },
  handler: async ({ ctx, body }) => resourceResponse(await createHardwareTemplate({ ctx, input: body }), { created: 'hardware-templates' }),
});

export const getHardwareTemplateEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/hardware-templates/{id}',
  operationId: 'getHardwareTemplate',
  summary: 'Get a hardware template',
  tag,
  params: idParams,
  success: { status: 200, description: 'The template', schema: hardwareTemplateSchema, headers: ['ETag'] },
  handler: async ({ ctx, params }) => resourceResponse(await getHardwareTemplate({ ctx, id: params.id })),
});

export const replaceHardwareTemplateEndpoint = defineEndpoint({
  method: 'PUT',
  path: '/api/v2/hardware-templates/{id}',
  operationId: 'replaceHardwareTemplate',
  summary: 'Replace a hardware template',
  description: 'Optional fields left out are cleared. Stations created from the template keep their copy.',
  tag,
  params: idParams,
  body: { schema: hardwareTemplateReplaceSchema, validate: false, example },
  success: { status: 200, description: 'The updated template', schema: hardwareTemplateSchema, headers: ['ETag'] },
  handler: async ({ request, ctx, params, body }) =>
    resourceResponse(await updateHardwareTemplate({ ctx, id: params.id, body, mode: 'replace', expectedVersion: ifMatchVersion(request) })),
});

export const patchHardwareTemplateEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/api/v2/hardware-templates/{id}',
  operationId: 'patchHardwareTemplate',
  summary: 'Update a hardware template (JSON merge patch)',
  description: 'RFC 7396: `null` clears, arrays such as `evses` replace.',
  tag,
  params: idParams,
  body: { schema: hardwareTemplatePatchSchema, validate: false, example: { max_power_kw: 22, vendor: 'Alfen' }, mergePatch: true },
  success: { status: 200, description: 'The updated template', schema: hardwareTemplateSchema, headers: ['ETag'] },
  handler: async ({ request, ctx, params, body }) =>
    resourceResponse(await updateHardwareTemplate({ ctx, id: params.id, body, mode: 'merge', expectedVersion: ifMatchVersion(request) })),
});

export const deleteHardwareTemplateEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/api/v2/hardware-templates/{id}',
  operationId: 'deleteHardwareTemplate',
  summary: 'Delete a hardware template',
  description: 'Soft delete. Stations created from it are unaffected.',
  tag,
  params: idParams,
  success: { status: 204, description: 'Deleted' },
  handler: async ({ request, ctx, params }) => {
    await deleteHardwareTemplate({ ctx, id: params.id, expectedVersion: ifMatchVersion(request) });
    return noContent();
  },
});

export const hardwareTemplatesEndpoints: Endpoint[] = [
  listHardwareTemplatesEndpoint,
  createHardwareTemplateEndpoint,
  getHardwareTemplateEndpoint,
  replaceHardwareTemplateEndpoint,
  patchHardwareTemplateEndpoint,
  deleteHardwareTemplateEndpoint,
];

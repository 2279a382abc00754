import { defineEndpoint, resourceResponse, type Endpoint } from '@/lib/http/endpoint';
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
import { t2SocketExample } from './examples';
import { listEndpoint, resourceEndpoints } from './resource-endpoints';

const tag = 'Hardware templates';

const example: HardwareTemplateCreateInput = {
  name: 'Alfen Eve Double 2×22 kW',
  vendor: 'Alfen',
  model: 'Eve Double',
  charger_type: 'AC',
  max_power_kw: 44,
  evses: [
    { capabilities: ['RFID_READER', 'REMOTE_START_STOP_CAPABLE'], physical_reference: 'L', connectors: [t2SocketExample] },
    { capabilities: ['RFID_READER', 'REMOTE_START_STOP_CAPABLE'], physical_reference: 'R', connectors: [t2SocketExample] },
  ],
};

export const listHardwareTemplatesEndpoint = listEndpoint({
  path: '/api/v2/hardware-templates',
  tag,
  name: 'HardwareTemplates',
  noun: 'hardware templates',
  description: 'The CPO’s catalog of station models. Keyset-paginated; default order `updated_at, id`.',
  query: hardwareTemplateListQuerySchema,
  schema: hardwareTemplateListSchema,
  run: listHardwareTemplates,
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

export const {
  get: getHardwareTemplateEndpoint,
  replace: replaceHardwareTemplateEndpoint,
  patch: patchHardwareTemplateEndpoint,
  delete: deleteHardwareTemplateEndpoint,
} = resourceEndpoints({
  path: '/api/v2/hardware-templates/{id}',
  tag,
  params: idParams,
  name: 'HardwareTemplate',
  noun: 'a hardware template',
  response: { schema: hardwareTemplateSchema, description: 'The template', updated: 'The updated template' },
  get: { run: getHardwareTemplate },
  replace: {
    description: 'Optional fields left out are cleared. Stations created from the template keep their copy.',
    schema: hardwareTemplateReplaceSchema,
    example,
    run: (target) => updateHardwareTemplate({ ...target, mode: 'replace' }),
  },
  patch: {
    description: 'RFC 7396: `null` clears, arrays such as `evses` replace.',
    schema: hardwareTemplatePatchSchema,
    example: { max_power_kw: 22, vendor: 'Alfen' },
    run: (target) => updateHardwareTemplate({ ...target, mode: 'merge' }),
  },
  delete: { description: 'Soft delete. Stations created from it are unaffected.', run: deleteHardwareTemplate },
});

export const hardwareTemplatesEndpoints: Endpoint[] = [
  listHardwareTemplatesEndpoint,
  createHardwareTemplateEndpoint,
  getHardwareTemplateEndpoint,
  replaceHardwareTemplateEndpoint,
  patchHardwareTemplateEndpoint,
  deleteHardwareTemplateEndpoint,
];

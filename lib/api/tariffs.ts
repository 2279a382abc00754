import { defineEndpoint, resourceResponse, type Endpoint } from '@/lib/http/endpoint';
import {
  tariffCreateSchema,
  tariffIdParams,
  tariffListQuerySchema,
  tariffListSchema,
  tariffReplaceSchema,
  tariffSchema,
  type TariffCreateInput,
  type TariffReplaceInput,
} from '@/lib/schemas/tariff';
import { createTariff, deleteTariff, getTariff, listTariffs, replaceTariff } from '@/lib/services/tariffs';
import { listEndpoint, resourceEndpoints } from './resource-endpoints';

const tag = 'Tariffs';

const replaceExample: TariffReplaceInput = {
  name: 'AC standard',
  currency: 'EUR',
  elements: [
    {
      price_components: [
        { type: 'ENERGY', price: 0.35, vat: 21, step_size: 1 },
        { type: 'FLAT', price: 0.5, vat: 21, step_size: 1 },
      ],
    },
    {
      price_components: [{ type: 'PARKING_TIME', price: 2, vat: 21, step_size: 60 }],
      restrictions: { start_time: '22:00', end_time: '07:00', day_of_week: ['SATURDAY', 'SUNDAY'] },
    },
  ],
  tenant_ids: [],
};
const createExample: TariffCreateInput = { id: 'AC-STANDARD', ...replaceExample };

export const listTariffsEndpoint = listEndpoint({
  path: '/api/v2/tariffs',
  tag,
  name: 'Tariffs',
  noun: 'tariffs',
  description:
    'The tariffs offered to the caller’s tenants (all of them for CPO-wide callers). Keyset-paginated; default order `updated_at, id`.',
  query: tariffListQuerySchema,
  schema: tariffListSchema,
  run: listTariffs,
});

export const createTariffEndpoint = defineEndpoint({
  method: 'POST',
  path: '/api/v2/tariffs',
  operationId: 'createTariff',
  summary: 'Create a tariff',
  description: 'Needs `tariff:manage` CPO-wide. The code in `id` must not belong to a live tariff (409 with `existing_id`).',
  tag,
  body: { schema: tariffCreateSchema, validate: true, example: createExample },
  success: { status: 201, description: 'The created tariff', schema: tariffSchema, headers: ['ETag', 'Location'] },
  handler: async ({ ctx, body }) => resourceResponse(await createTariff({ ctx, input: body }), { created: 'tariffs' }),
});

export const {
  get: getTariffEndpoint,
  replace: replaceTariffEndpoint,
  delete: deleteTariffEndpoint,
} = resourceEndpoints({
  path: '/api/v2/tariffs/{id}',
  tag,
  params: tariffIdParams,
  name: 'Tariff',
  noun: 'a tariff',
  response: { schema: tariffSchema, description: 'The tariff', updated: 'The updated tariff' },
  get: { run: getTariff },
  replace: {
    description: 'Optional fields left out are cleared. `id` and other read-only fields may be echoed unchanged.',
    schema: tariffReplaceSchema,
    example: replaceExample,
    run: replaceTariff,
  },
  delete: {
    description: 'Soft delete; 409 while a connector uses it. Its code can then be created again.',
    errors: [409],
    run: deleteTariff,
  },
});

export const tariffsEndpoints: Endpoint[] = [
  listTariffsEndpoint,
  createTariffEndpoint,
  getTariffEndpoint,
  replaceTariffEndpoint,
  deleteTariffEndpoint,
];

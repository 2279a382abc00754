import { defineEndpoint, ifMatchVersion, noContent, resourceResponse, type Endpoint } from '@/lib/http/endpoint';
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

export const listTariffsEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/tariffs',
  operationId: 'listTariffs',
  summary: 'List tariffs',
  description:
    'The tariffs offered to the caller’s tenants (all of them for CPO-wide callers). Keyset-paginated; default order `updated_at, id`.',
  tag,
  query: tariffListQuerySchema,
  success: { status: 200, description: 'A page of tariffs', schema: tariffListSchema },
  handler: async ({ ctx, query }) => Response.json(await listTariffs({ ctx, query })),
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

export const getTariffEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/tariffs/{id}',
  operationId: 'getTariff',
  summary: 'Get a tariff',
  tag,
  params: tariffIdParams,
  success: { status: 200, description: 'The tariff', schema: tariffSchema, headers: ['ETag'] },
  handler: async ({ ctx, params }) => resourceResponse(await getTariff({ ctx, id: params.id })),
});

export const replaceTariffEndpoint = defineEndpoint({
  method: 'PUT',
  path: '/api/v2/tariffs/{id}',
  operationId: 'replaceTariff',
  summary: 'Replace a tariff',
  description: 'Optional fields left out are cleared. `id` and other read-only fields may be echoed unchanged.',
  tag,
  params: tariffIdParams,
  body: { schema: tariffReplaceSchema, validate: false, example: replaceExample },
  success: { status: 200, description: 'The updated tariff', schema: tariffSchema, headers: ['ETag'] },
  handler: async ({ request, ctx, params, body }) =>
    resourceResponse(await replaceTariff({ ctx, id: params.id, body, expectedVersion: ifMatchVersion(request) })),
});

export const deleteTariffEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/api/v2/tariffs/{id}',
  operationId: 'deleteTariff',
  summary: 'Delete a tariff',
  description: 'Soft delete; 409 while a connector uses it. Its code can then be created again.',
  tag,
  params: tariffIdParams,
  success: { status: 204, description: 'Deleted' },
  errors: [409],
  handler: async ({ request, ctx, params }) => {
    await deleteTariff({ ctx, id: params.id, expectedVersion: ifMatchVersion(request) });
    return noContent();
  },
});

export const tariffsEndpoints: Endpoint[] = [
  listTariffsEndpoint,
  createTariffEndpoint,
  getTariffEndpoint,
  replaceTariffEndpoint,
  deleteTariffEndpoint,
];

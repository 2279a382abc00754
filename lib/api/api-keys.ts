import { defineEndpoint, noContent, resourceResponse } from '@/lib/http/endpoint';
import {
  apiKeyCreatedSchema,
  apiKeyCreateSchema,
  apiKeyListQuerySchema,
  apiKeyListSchema,
  apiKeySchema,
  type ApiKeyCreateInput,
} from '@/lib/schemas/api-key';
import { idParams } from '@/lib/schemas/common';
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from '@/lib/services/api-keys';
import { listEndpoint } from './resource-endpoints';

const tag = 'API keys';

const example: ApiKeyCreateInput = {
  name: 'Salesforce sync',
  role: 'customer_operator',
  tenant_id: '6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f',
  expires_at: '2030-01-01T00:00:00Z',
};

export const listApiKeysEndpoint = listEndpoint({
  path: '/api/v2/api-keys',
  tag,
  name: 'ApiKeys',
  noun: 'API keys',
  description:
    'Needs `apikey:manage`: CPO-wide callers see every key, others the keys of tenants where they hold it. Revoked keys are listed with `revoked_at`. Never shows a secret.',
  query: apiKeyListQuerySchema,
  schema: apiKeyListSchema,
  run: listApiKeys,
});

export const createApiKeyEndpoint = defineEndpoint({
  method: 'POST',
  path: '/api/v2/api-keys',
  operationId: 'createApiKey',
  secretFields: ['key'],
  summary: 'Create an API key',
  description:
    'The secret is in `key` of this response only; it is stored hashed. Needs `apikey:manage` in the tenant (CPO-wide for a `cpo_admin` key) and every permission the role carries (403).',
  tag,
  body: { schema: apiKeyCreateSchema, validate: true, example },
  success: { status: 201, description: 'The created key with its secret', schema: apiKeyCreatedSchema, headers: ['ETag', 'Location'] },
  handler: async ({ ctx, body }) => resourceResponse(await createApiKey({ ctx, input: body }), { created: 'api-keys' }),
});

export const getApiKeyEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/api-keys/{id}',
  operationId: 'getApiKey',
  summary: 'Get an API key',
  description: 'Without its secret.',
  tag,
  params: idParams,
  success: { status: 200, description: 'The API key', schema: apiKeySchema, headers: ['ETag'] },
  handler: async ({ ctx, params }) => resourceResponse(await getApiKey({ ctx, id: params.id })),
});

export const revokeApiKeyEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/api/v2/api-keys/{id}',
  operationId: 'revokeApiKey',
  summary: 'Revoke an API key',
  description: 'Sets `revoked_at`; the key answers 401 from then on. Revoking a revoked key is a no-op.',
  tag,
  params: idParams,
  success: { status: 204, description: 'Revoked' },
  handler: async ({ ctx, params, expectedVersion }) => {
    await revokeApiKey({ ctx, id: params.id, expectedVersion });
    return noContent();
  },
});

export const apiKeysEndpoints = [listApiKeysEndpoint, createApiKeyEndpoint, getApiKeyEndpoint, revokeApiKeyEndpoint];

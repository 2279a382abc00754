import { defineEndpoint, ifMatchVersion, noContent, resourceResponse } from '@/lib/http/endpoint';
import { idParams } from '@/lib/schemas/common';
import {
  tenantCreateSchema,
  tenantListQuerySchema,
  tenantListSchema,
  tenantPatchSchema,
  tenantSchema,
  type TenantCreateInput,
} from '@/lib/schemas/tenant';
import { createTenant, deleteTenant, getTenant, listTenants, updateTenant } from '@/lib/services/tenants';

const tag = 'Tenants';

const example: TenantCreateInput = { slug: 'vve-parkzicht', name: 'VvE Parkzicht', kind: 'CONDOMINIUM', external_id: 'SF-0042' };

export const listTenantsEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/tenants',
  operationId: 'listTenants',
  summary: 'List tenants',
  description:
    'CPO-wide callers see every tenant, everyone else the tenants they hold a role in. Keyset-paginated; default order `updated_at, id`.',
  tag,
  query: tenantListQuerySchema,
  success: { status: 200, description: 'A page of tenants', schema: tenantListSchema },
  handler: async ({ ctx, query }) => Response.json(await listTenants({ ctx, query })),
});

export const createTenantEndpoint = defineEndpoint({
  method: 'POST',
  path: '/api/v2/tenants',
  operationId: 'createTenant',
  summary: 'Create a tenant',
  description: 'Needs `tenant:manage` CPO-wide. 409 with `existing_id` when the slug is taken.',
  tag,
  body: { schema: tenantCreateSchema, validate: true, example },
  success: { status: 201, description: 'The created tenant', schema: tenantSchema, headers: ['ETag', 'Location'] },
  handler: async ({ ctx, body }) => resourceResponse(await createTenant({ ctx, input: body }), { created: 'tenants' }),
});

export const getTenantEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/tenants/{id}',
  operationId: 'getTenant',
  summary: 'Get a tenant',
  tag,
  params: idParams,
  success: { status: 200, description: 'The tenant', schema: tenantSchema, headers: ['ETag'] },
  handler: async ({ ctx, params }) => resourceResponse(await getTenant({ ctx, id: params.id })),
});

export const patchTenantEndpoint = defineEndpoint({
  method: 'PATCH',
  path: '/api/v2/tenants/{id}',
  operationId: 'patchTenant',
  summary: 'Update a tenant (JSON merge patch)',
  description: 'RFC 7396: `null` clears `external_id`. Needs `tenant:manage` CPO-wide.',
  tag,
  params: idParams,
  body: {
    schema: tenantPatchSchema,
    validate: false,
    example: { name: 'VvE Parkzicht Utrecht', external_id: 'SF-0043' },
    mergePatch: true,
  },
  success: { status: 200, description: 'The updated tenant', schema: tenantSchema, headers: ['ETag'] },
  errors: [409],
  handler: async ({ request, ctx, params, body }) =>
    resourceResponse(await updateTenant({ ctx, id: params.id, body, expectedVersion: ifMatchVersion(request) })),
});

export const deleteTenantEndpoint = defineEndpoint({
  method: 'DELETE',
  path: '/api/v2/tenants/{id}',
  operationId: 'deleteTenant',
  summary: 'Delete a tenant',
  description:
    'Soft delete; 409 while the tenant has live locations or charge stations. Its API keys are revoked and its memberships removed. Needs `tenant:manage` CPO-wide.',
  tag,
  params: idParams,
  success: { status: 204, description: 'Deleted' },
  errors: [409],
  handler: async ({ request, ctx, params }) => {
    await deleteTenant({ ctx, id: params.id, expectedVersion: ifMatchVersion(request) });
    return noContent();
  },
});

export const tenantsEndpoints = [listTenantsEndpoint, createTenantEndpoint, getTenantEndpoint, patchTenantEndpoint, deleteTenantEndpoint];

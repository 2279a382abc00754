import { defineEndpoint, resourceResponse } from '@/lib/http/endpoint';
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
import { listEndpoint, resourceEndpoints } from './resource-endpoints';

const tag = 'Tenants';

const example: TenantCreateInput = { slug: 'vve-parkzicht', name: 'VvE Parkzicht', kind: 'CONDOMINIUM', external_id: 'SF-0042' };

export const listTenantsEndpoint = listEndpoint({
  path: '/api/v2/tenants',
  tag,
  name: 'Tenants',
  noun: 'tenants',
  description:
    'CPO-wide callers see every tenant, everyone else the tenants they hold a role in. Keyset-paginated; default order `updated_at, id`.',
  query: tenantListQuerySchema,
  schema: tenantListSchema,
  run: listTenants,
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

export const {
  get: getTenantEndpoint,
  patch: patchTenantEndpoint,
  delete: deleteTenantEndpoint,
} = resourceEndpoints({
  path: '/api/v2/tenants/{id}',
  tag,
  params: idParams,
  name: 'Tenant',
  noun: 'a tenant',
  response: { schema: tenantSchema, description: 'The tenant', updated: 'The updated tenant' },
  get: { run: getTenant },
  patch: {
    description: 'RFC 7396: `null` clears `external_id`. Needs `tenant:manage` CPO-wide.',
    schema: tenantPatchSchema,
    example: { name: 'VvE Parkzicht Utrecht', external_id: 'SF-0043' },
    errors: [409],
    run: updateTenant,
  },
  delete: {
    description:
      'Soft delete; 409 while the tenant has live locations or charge stations. Its API keys are revoked and its memberships removed. Needs `tenant:manage` CPO-wide.',
    errors: [409],
    run: deleteTenant,
  },
});

export const tenantsEndpoints = [listTenantsEndpoint, createTenantEndpoint, getTenantEndpoint, patchTenantEndpoint, deleteTenantEndpoint];

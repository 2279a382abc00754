import { createTenantEndpoint, listTenantsEndpoint } from '@/lib/api/tenants';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/tenants — list tenants
export const GET = listTenantsEndpoint;
// POST /api/v2/tenants — create a tenant
export const POST = createTenantEndpoint;
// Any other method — 405 problem+json with Allow
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET, POST);

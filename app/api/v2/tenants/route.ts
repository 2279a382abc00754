import { createTenantEndpoint, listTenantsEndpoint } from '@/lib/api/tenants';

// GET /api/v2/tenants — list tenants
export const GET = listTenantsEndpoint;
// POST /api/v2/tenants — create a tenant
export const POST = createTenantEndpoint;

import { deleteTenantEndpoint, getTenantEndpoint, patchTenantEndpoint } from '@/lib/api/tenants';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/tenants/{id} — one tenant
export const GET = getTenantEndpoint;
// PATCH /api/v2/tenants/{id} — merge-patch a tenant
export const PATCH = patchTenantEndpoint;
// DELETE /api/v2/tenants/{id} — soft-delete a tenant
export const DELETE = deleteTenantEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, PUT, OPTIONS } = otherMethods(GET, PATCH, DELETE);

import { deleteLocationEndpoint, getLocationEndpoint, patchLocationEndpoint, replaceLocationEndpoint } from '@/lib/api/locations';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/locations/{id} — one location
export const GET = getLocationEndpoint;
// PUT /api/v2/locations/{id} — replace a location
export const PUT = replaceLocationEndpoint;
// PATCH /api/v2/locations/{id} — merge-patch a location
export const PATCH = patchLocationEndpoint;
// DELETE /api/v2/locations/{id} — soft-delete a location
export const DELETE = deleteLocationEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, OPTIONS } = otherMethods(GET, PUT, PATCH, DELETE);

import { deleteUserEndpoint, getUserEndpoint, patchUserEndpoint } from '@/lib/api/users';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/users/{id} — one user
export const GET = getUserEndpoint;
// PATCH /api/v2/users/{id} — merge-patch a user
export const PATCH = patchUserEndpoint;
// DELETE /api/v2/users/{id} — soft-delete a user
export const DELETE = deleteUserEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, PUT, OPTIONS } = otherMethods(GET, PATCH, DELETE);

import { getApiKeyEndpoint, revokeApiKeyEndpoint } from '@/lib/api/api-keys';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/api-keys/{id} — one API key, without its secret
export const GET = getApiKeyEndpoint;
// DELETE /api/v2/api-keys/{id} — revoke an API key
export const DELETE = revokeApiKeyEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, PUT, PATCH, OPTIONS } = otherMethods(GET, DELETE);

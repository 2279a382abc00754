import { getApiKeyEndpoint, revokeApiKeyEndpoint } from '@/lib/api/api-keys';

// GET /api/v2/api-keys/{id} — one API key, without its secret
export const GET = getApiKeyEndpoint;
// DELETE /api/v2/api-keys/{id} — revoke an API key
export const DELETE = revokeApiKeyEndpoint;

import { createApiKeyEndpoint, listApiKeysEndpoint } from '@/lib/api/api-keys';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/api-keys — list API keys
export const GET = listApiKeysEndpoint;
// POST /api/v2/api-keys — create an API key (secret shown once)
export const POST = createApiKeyEndpoint;
// Any other method — 405 problem+json with Allow
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET, POST);

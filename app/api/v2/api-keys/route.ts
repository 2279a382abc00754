import { createApiKeyEndpoint, listApiKeysEndpoint } from '@/lib/api/api-keys';

// GET /api/v2/api-keys — list API keys
export const GET = listApiKeysEndpoint;
// POST /api/v2/api-keys — create an API key (secret shown once)
export const POST = createApiKeyEndpoint;

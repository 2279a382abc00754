import { openApiEndpoint } from '@/lib/api';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/openapi.json — public: the OpenAPI 3.1 document
export const GET = openApiEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET);

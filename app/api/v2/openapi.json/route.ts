import { openApiEndpoint } from '@/lib/api/meta';

// GET /api/v2/openapi.json — public: the OpenAPI 3.1 document
export const GET = openApiEndpoint;

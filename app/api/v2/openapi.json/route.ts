import { openApiEndpoint } from '@/lib/api';

// GET /api/v2/openapi.json — public: the OpenAPI 3.1 document
export const GET = openApiEndpoint;

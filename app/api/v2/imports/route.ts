import { createImportEndpoint, listImportsEndpoint } from '@/lib/api/imports';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/imports — list imports
export const GET = listImportsEndpoint;
// POST /api/v2/imports — upload a CSV / NDJSON file (202, runs in the background)
export const POST = createImportEndpoint;
// Any other method — 405 problem+json with Allow
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET, POST);

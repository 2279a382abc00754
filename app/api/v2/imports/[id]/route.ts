import { getImportEndpoint } from '@/lib/api/imports';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/imports/{id} — progress and row errors
export const GET = getImportEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET);

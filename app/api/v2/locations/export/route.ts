import { exportLocationsEndpoint } from '@/lib/api/locations';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/locations/export?format=csv|ndjson — stream every matching location
export const GET = exportLocationsEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET);

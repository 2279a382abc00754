import { createLocationEndpoint, listLocationsEndpoint } from '@/lib/api/locations';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/locations — list locations
export const GET = listLocationsEndpoint;
// POST /api/v2/locations — create a location
export const POST = createLocationEndpoint;
// Any other method — 405 problem+json with Allow
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET, POST);

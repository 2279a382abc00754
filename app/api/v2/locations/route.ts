import { createLocationEndpoint, listLocationsEndpoint } from '@/lib/api/locations';

// GET /api/v2/locations — list locations
export const GET = listLocationsEndpoint;
// POST /api/v2/locations — create a location
export const POST = createLocationEndpoint;

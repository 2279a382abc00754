import { exportLocationsEndpoint } from '@/lib/api/locations';

// GET /api/v2/locations/export?format=csv|ndjson — stream every matching location
export const GET = exportLocationsEndpoint;

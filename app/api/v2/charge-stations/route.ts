import { createChargeStationEndpoint, listChargeStationsEndpoint } from '@/lib/api/charge-stations';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/charge-stations — list charge stations
export const GET = listChargeStationsEndpoint;
// POST /api/v2/charge-stations — create a charge station
export const POST = createChargeStationEndpoint;
// Any other method — 405 problem+json with Allow
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET, POST);

import { createChargeStationEndpoint, listChargeStationsEndpoint } from '@/lib/api/charge-stations';

// GET /api/v2/charge-stations — list charge stations
export const GET = listChargeStationsEndpoint;
// POST /api/v2/charge-stations — create a charge station
export const POST = createChargeStationEndpoint;

import { listStationCommandsEndpoint } from '@/lib/api/charge-stations';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/charge-stations/{id}/commands — the station's commands, newest first
export const GET = listStationCommandsEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET);

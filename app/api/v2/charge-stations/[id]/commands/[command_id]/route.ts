import { getStationCommandEndpoint } from '@/lib/api/charge-stations';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/charge-stations/{id}/commands/{command_id} — one command with its status and answer
export const GET = getStationCommandEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET);

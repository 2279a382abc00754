import { getStationCommandEndpoint } from '@/lib/api/charge-stations';

// GET /api/v2/charge-stations/{id}/commands/{command_id} — one command with its status and answer
export const GET = getStationCommandEndpoint;

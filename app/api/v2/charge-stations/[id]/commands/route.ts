import { listStationCommandsEndpoint } from '@/lib/api/charge-stations';

// GET /api/v2/charge-stations/{id}/commands — the station's commands, newest first
export const GET = listStationCommandsEndpoint;

import { listOcppMessagesEndpoint } from '@/lib/api/charge-stations';

// GET /api/v2/charge-stations/{id}/ocpp-messages — the station's OCPP frames, newest first
export const GET = listOcppMessagesEndpoint;

import { listOcppMessagesEndpoint } from '@/lib/api/charge-stations';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/charge-stations/{id}/ocpp-messages — the station's OCPP frames, newest first
export const GET = listOcppMessagesEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET);

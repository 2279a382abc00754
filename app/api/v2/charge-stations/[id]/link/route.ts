import { linkChargeStationEndpoint } from '@/lib/api/charge-stations';
import { otherMethods } from '@/lib/http/route-fallbacks';

// POST /api/v2/charge-stations/{id}/link — link to a location (joins its tenant)
export const POST = linkChargeStationEndpoint;
// Any other method — 405 problem+json with Allow
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(POST);

import { resetChargeStationEndpoint } from '@/lib/api/charge-stations';
import { otherMethods } from '@/lib/http/route-fallbacks';

// POST /api/v2/charge-stations/{id}/reset — reset a station and answer the command's outcome so far
export const POST = resetChargeStationEndpoint;
// Any other method — 405 problem+json with Allow
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(POST);

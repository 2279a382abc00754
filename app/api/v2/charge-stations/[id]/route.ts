import {
  deleteChargeStationEndpoint,
  getChargeStationEndpoint,
  patchChargeStationEndpoint,
  replaceChargeStationEndpoint,
} from '@/lib/api/charge-stations';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/charge-stations/{id} — one station with EVSEs and connectors
export const GET = getChargeStationEndpoint;
// PUT /api/v2/charge-stations/{id} — replace a station
export const PUT = replaceChargeStationEndpoint;
// PATCH /api/v2/charge-stations/{id} — merge-patch a station
export const PATCH = patchChargeStationEndpoint;
// DELETE /api/v2/charge-stations/{id} — soft-delete a station
export const DELETE = deleteChargeStationEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, OPTIONS } = otherMethods(GET, PUT, PATCH, DELETE);

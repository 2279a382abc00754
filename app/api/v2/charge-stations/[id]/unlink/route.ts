import { unlinkChargeStationEndpoint } from '@/lib/api/charge-stations';
import { otherMethods } from '@/lib/http/route-fallbacks';

// POST /api/v2/charge-stations/{id}/unlink — clear the location, keep the tenant
export const POST = unlinkChargeStationEndpoint;
// Any other method — 405 problem+json with Allow
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(POST);

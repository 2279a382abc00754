import { getConfigurationEndpoint, patchConfigurationEndpoint } from '@/lib/api/charge-stations';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/charge-stations/{id}/configuration — desired OCPP keys
export const GET = getConfigurationEndpoint;
// PATCH /api/v2/charge-stations/{id}/configuration — merge-patch the keys
export const PATCH = patchConfigurationEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, PUT, DELETE, OPTIONS } = otherMethods(GET, PATCH);

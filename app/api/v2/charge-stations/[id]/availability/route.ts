import { setAvailabilityEndpoint } from '@/lib/api/charge-stations';
import { otherMethods } from '@/lib/http/route-fallbacks';

// POST /api/v2/charge-stations/{id}/availability — desired availability (202)
export const POST = setAvailabilityEndpoint;
// Any other method — 405 problem+json with Allow
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(POST);

import { startTestRunEndpoint } from '@/lib/api/charge-stations';
import { otherMethods } from '@/lib/http/route-fallbacks';

// POST /api/v2/charge-stations/{id}/tests — start a commissioning test run
export const POST = startTestRunEndpoint;
// Any other method — 405 problem+json with Allow
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(POST);

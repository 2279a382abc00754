import { setAvailabilityEndpoint } from '@/lib/api/charge-stations';

// POST /api/v2/charge-stations/{id}/availability — desired availability (202)
export const POST = setAvailabilityEndpoint;

import { getConfigurationEndpoint, patchConfigurationEndpoint } from '@/lib/api/charge-stations';

// GET /api/v2/charge-stations/{id}/configuration — desired OCPP keys
export const GET = getConfigurationEndpoint;
// PATCH /api/v2/charge-stations/{id}/configuration — merge-patch the keys
export const PATCH = patchConfigurationEndpoint;

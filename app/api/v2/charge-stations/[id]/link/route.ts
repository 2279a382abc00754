import { linkChargeStationEndpoint } from '@/lib/api/charge-stations';

// POST /api/v2/charge-stations/{id}/link — link to a location (joins its tenant)
export const POST = linkChargeStationEndpoint;

import { unlinkChargeStationEndpoint } from '@/lib/api/charge-stations';

// POST /api/v2/charge-stations/{id}/unlink — clear the location, keep the tenant
export const POST = unlinkChargeStationEndpoint;

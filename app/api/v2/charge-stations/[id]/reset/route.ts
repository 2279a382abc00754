import { resetChargeStationEndpoint } from '@/lib/api/charge-stations';

// POST /api/v2/charge-stations/{id}/reset — reset a station and answer the command's outcome so far
export const POST = resetChargeStationEndpoint;

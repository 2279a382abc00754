import { exportChargeStationsEndpoint } from '@/lib/api/charge-stations';

// GET /api/v2/charge-stations/export?format=csv|ndjson — stream every matching station
export const GET = exportChargeStationsEndpoint;

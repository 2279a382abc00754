import { removeMaintenanceWindowEndpoint } from '@/lib/api/charge-stations';

// DELETE /api/v2/charge-stations/{id}/maintenance-windows/{index} — remove the window at that position
export const DELETE = removeMaintenanceWindowEndpoint;

import { removeMaintenanceWindowEndpoint } from '@/lib/api/charge-stations';
import { otherMethods } from '@/lib/http/route-fallbacks';

// DELETE /api/v2/charge-stations/{id}/maintenance-windows/{index} — remove the window at that position
export const DELETE = removeMaintenanceWindowEndpoint;
// Any other method — 405 problem+json with Allow
export const { GET, POST, PUT, PATCH, OPTIONS } = otherMethods(DELETE);

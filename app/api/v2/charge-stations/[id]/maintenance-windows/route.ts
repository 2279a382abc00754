import { addMaintenanceWindowEndpoint } from '@/lib/api/charge-stations';

// POST /api/v2/charge-stations/{id}/maintenance-windows — append a maintenance window
export const POST = addMaintenanceWindowEndpoint;

import type { ChargeStation, MaintenanceWindowInput } from '@/lib/schemas/charge-station';
import type { StationVerbArgs } from './station-command';
import { stationUpdate } from './update-charge-station';

/**
 * POST /api/v2/charge-stations/{id}/maintenance-windows: appends one window to those the station
 * has when the row is locked, so a concurrent addition is never lost. Allowed with
 * station:maintenance or station:write, like a PATCH of `maintenance_windows` alone.
 */
export function addMaintenanceWindow({ ctx, id, input, expectedVersion }: StationVerbArgs<MaintenanceWindowInput>): Promise<ChargeStation> {
  return stationUpdate({
    ctx,
    id,
    mode: 'merge',
    expectedVersion,
    body: (current) => ({ maintenance_windows: [...current.maintenance_windows, input] }),
  });
}

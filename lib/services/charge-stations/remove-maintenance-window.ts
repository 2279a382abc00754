import { notFound } from '@/lib/errors';
import type { ChargeStation } from '@/lib/schemas/charge-station';
import type { StationVerbArgs } from './station-command';
import { stationUpdate } from './update-charge-station';

/**
 * DELETE /api/v2/charge-stations/{id}/maintenance-windows/{index}: removes the window at a 0-based
 * position of `maintenance_windows` (404 when there is none), with the permissions of adding one.
 * Send If-Match with the version the index was read at: positions shift when windows are removed.
 */
export function removeMaintenanceWindow({ ctx, id, index, expectedVersion }: StationVerbArgs & { index: number }): Promise<ChargeStation> {
  return stationUpdate({
    ctx,
    id,
    mode: 'merge',
    expectedVersion,
    body: ({ maintenance_windows: windows }) => {
      if (!Number.isInteger(index) || index < 0 || index >= windows.length) throw notFound('Maintenance window');
      return { maintenance_windows: windows.filter((_, i) => i !== index) };
    },
  });
}

import 'server-only';

export { listChargeStations } from './list-charge-stations';
export { getChargeStation } from './get-charge-station';
export { createChargeStation } from './create-charge-station';
export { updateChargeStation } from './update-charge-station';
export { addMaintenanceWindow } from './add-maintenance-window';
export { removeMaintenanceWindow } from './remove-maintenance-window';
export { deleteChargeStation } from './delete-charge-station';
export { linkChargeStation, unlinkChargeStation } from './link-charge-station';
export { setAvailability } from './set-availability';
export { setTariffs } from './set-tariffs';
export { bulkUpdateChargeStations, type BulkRowResult } from './bulk-update-charge-stations';
export { getConfiguration, updateConfiguration } from './configuration';
export { getLatestTestRun, getTestRun, startTestRun } from './test-runs';
export { exportChargeStations } from './export-charge-stations';
export { mayWriteMaintenance } from '@/lib/services/shared/maintenance-permission';

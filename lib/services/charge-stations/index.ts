import 'server-only';

export { listChargeStations } from './list-charge-stations';
export { getChargeStation } from './get-charge-station';
export { createChargeStation } from './create-charge-station';
export { updateChargeStation } from './update-charge-station';
export { deleteChargeStation } from './delete-charge-station';
export { linkChargeStation, unlinkChargeStation } from './link-charge-station';
export { setAvailability } from './set-availability';
export { setTariffs } from './set-tariffs';
export { getConfiguration, updateConfiguration } from './configuration';
export { getLatestTestRun, getTestRun, startTestRun } from './test-runs';
export { exportChargeStations } from './export-charge-stations';

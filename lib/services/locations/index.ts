import 'server-only';

export { listLocations } from './list-locations';
export { getLocation } from './get-location';
export { createLocation } from './create-location';
export { updateLocation } from './update-location';
export { deleteLocation } from './delete-location';
export { exportLocations } from './export-locations';
export { listLocationPoints } from './list-location-points';
export { countLocationStations } from './count-location-stations';

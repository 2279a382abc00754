export { SimulatedStation } from './simulated-station';
export { AUTHORIZATION_KEY } from './configuration';
export { ensureStation, type EnsuredStation, type StationToEnsure } from './ensure-station';
export type {
  Availability16,
  BootResult,
  ChargePointStatus,
  Misbehaviour,
  SimulatedStationOptions,
  StationEvents,
  StationIdentity,
  StatusReport,
  TransactionEvent,
} from './types';

export { SimulatedStation } from './simulated-station';
export { AUTHORIZATION_KEY } from './configuration';
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

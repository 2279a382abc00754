import type { ProtocolAdapter } from './adapter';
import { ocpp16Adapter } from './ocpp16';

/** Adapters by WebSocket subprotocol, in the gateway's order of preference; a 2.0.1 one goes beside 1.6. */
export const ADAPTERS: ReadonlyMap<string, ProtocolAdapter> = new Map([['ocpp1.6', ocpp16Adapter]]);

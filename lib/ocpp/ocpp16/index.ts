import type { ProtocolAdapter } from '../adapter';
import { ocpp16Calls } from './calls';
import { attachInbound } from './inbound';
import { maskPayload } from './mask';

/** OCPP 1.6J (subprotocol `ocpp1.6`). */
export const ocpp16Adapter: ProtocolAdapter = {
  attach: attachInbound,
  calls: ocpp16Calls,
  maskPayload,
};

// The protocol-neutral seam between the gateway's command/sync/commissioning logic and one OCPP
// version's messages (docs/OCPP.md#protocol-adapters). OCPP 1.6J implements it in ./ocpp16; a
// 2.0.1 adapter would implement the same two halves and register its subprotocol beside it.

import type {
  AvailabilityAnswer,
  ConfigurationAnswer,
  ConnectorStatusReport,
  ReportedKey,
  SimpleAnswer,
  TriggerableMessage,
  TriggerAnswer,
} from '@/lib/domain/ocpp';
import type { Availability } from '@/lib/domain/vocabulary';

export type * from '@/lib/domain/ocpp';

/** What the gateway asks of a connected station, whatever OCPP version it speaks. */
export interface StationCalls {
  /** `connector` 0 = the whole station. */
  changeAvailability(connector: number, availability: Availability): Promise<AvailabilityAnswer>;
  changeConfiguration(key: string, value: string): Promise<ConfigurationAnswer>;
  /** No keys = all. */
  getConfiguration(keys?: string[]): Promise<{ known: ReportedKey[]; unknown: string[] }>;
  reset(type: 'SOFT' | 'HARD'): Promise<SimpleAnswer>;
  triggerMessage(message: TriggerableMessage, connector?: number): Promise<TriggerAnswer>;
  remoteStart(connector: number, idTag: string): Promise<SimpleAnswer>;
  remoteStop(transactionId: number): Promise<SimpleAnswer>;
}

/** Something the station told the gateway, as the commissioning steps and the sync wait for it. */
export type StationEvent =
  | { type: 'boot'; accepted: boolean }
  | { type: 'heartbeat' }
  | { type: 'status'; report: ConnectorStatusReport }
  | { type: 'transaction_started'; transactionId: number; connector: number; idTag: string }
  | { type: 'transaction_stopped'; transactionId: number };

/**
 * One open socket of one station, as the neutral gateway logic sees it. The gateway creates it
 * when the station connects and closes it when the socket goes or another connection replaces it.
 */
export interface StationSession {
  readonly ocppId: string;
  /** Null until an unknown station's BootNotification creates its pool row. */
  readonly stationId: string | null;
  /** The station has a password of its own and authenticated with it: it takes commands. */
  readonly accepted: boolean;
  readonly calls: StationCalls;
  /** Resolves with the first event after this call that `match` accepts, or null after `timeoutMs`. */
  waitFor<T extends StationEvent['type']>(
    type: T,
    timeoutMs: number,
    match?: (event: Extract<StationEvent, { type: T }>) => boolean,
  ): Promise<Extract<StationEvent, { type: T }> | null>;
  isOpen(): boolean;
  close(code: number, reason: string): Promise<void>;
}

// Protocol-neutral values the gateway and the services exchange (docs/OCPP.md#protocol-adapters):
// what every OCPP version's adapter maps its own messages to and from.

import type { EvseStatus } from './vocabulary';

/** A station's connector as the gateway addresses it: the 1-based position over all EVSEs' connectors. */
export type ConnectorRef = { evseUid: string; connectorId: string; number: number };

export type AvailabilityAnswer = 'ACCEPTED' | 'REJECTED' | 'SCHEDULED';
export type ConfigurationAnswer = 'ACCEPTED' | 'REJECTED' | 'REBOOT_REQUIRED' | 'NOT_SUPPORTED';
export type SimpleAnswer = 'ACCEPTED' | 'REJECTED';
export type TriggerAnswer = 'ACCEPTED' | 'REJECTED' | 'NOT_IMPLEMENTED';
export type TriggerableMessage = 'BootNotification' | 'Heartbeat' | 'StatusNotification';

export type ReportedKey = { key: string; value: string | null; readonly: boolean };

/** A connector status report, already mapped to OCPI by the adapter. */
export type ConnectorStatusReport = {
  /** 0 = the station as a whole. */
  connector: number;
  status: EvseStatus;
  /** The protocol's own status word (e.g. `Unavailable`), kept for the record and the availability check. */
  reportedStatus: string;
  errorCode: string | null;
  /** True when the connector reports itself unavailable (confirms INOPERATIVE). */
  unavailable: boolean;
  at: Date;
};

// The simulated station's options, misbehaviours and events.

export type Availability16 = 'Operative' | 'Inoperative';

export type ChargePointStatus =
  'Available' | 'Preparing' | 'Charging' | 'SuspendedEVSE' | 'SuspendedEV' | 'Finishing' | 'Reserved' | 'Unavailable' | 'Faulted';

/** What the station says about itself in its BootNotification. */
export type StationIdentity = {
  vendor: string;
  model: string;
  serialNumber: string;
  firmwareVersion: string;
  iccid?: string;
  imsi?: string;
};

/** Ways the station departs from good hardware; every one can be switched at run time. */
export type Misbehaviour = {
  /** Answer every ChangeAvailability Rejected, or Scheduled (applied `scheduledDelayMs` later). */
  availability?: 'normal' | 'reject' | 'schedule';
  /** Come back from a reboot Operative whatever was set (good stations keep Inoperative). */
  forgetAvailabilityAfterReboot?: boolean;
  /** Reject ChangeAvailability for connector 0 (the whole station); per connector it works. */
  rejectConnectorZero?: boolean;
  /** This connector reports Faulted (and refuses to charge); null or absent: none. */
  faultedConnector?: number | null;
  /** Never send a Heartbeat, not even when TriggerMessage asks for one (it still answers Accepted). */
  ignoreHeartbeat?: boolean;
  /** Answer RemoteStartTransaction Rejected. */
  refuseRemoteStart?: boolean;
  /** GetConfiguration reports these values instead of the stored ones. */
  misreportedConfiguration?: Record<string, string>;
};

export type SimulatedStationOptions = {
  /** The central system's endpoint without the ocpp id, e.g. `ws://127.0.0.1:9220/ocpp`. */
  url: string;
  ocppId: string;
  /** Basic-auth password; none = connect without Authorization (a new station). */
  password?: string | null;
  /** Connectors 1..n (default 2). */
  connectors?: number;
  identity?: Partial<StationIdentity>;
  /** Configuration keys to add to or override the Core-profile defaults. */
  configuration?: Record<string, string>;
  /** Keys whose change is answered RebootRequired. */
  rebootRequiredKeys?: string[];
  misbehaviour?: Misbehaviour;
  /** Upper bound on every interval the server or configuration gives (heartbeat, boot retry, meter values): tests keep them short. */
  maxIntervalMs?: number;
  /** Delay before reconnecting after the server closed the socket or the connection dropped (default 1 s). */
  reconnectDelayMs?: number;
  /** How long a reset keeps the station off line (default 1 s). */
  rebootDelayMs?: number;
  /** How long a misbehaving station takes to apply a change it answered Scheduled (default 2 s). */
  scheduledDelayMs?: number;
  /** How long the station waits for the central system's answer to its calls (default 30 s). */
  callTimeoutMs?: number;
  /** Receives one line per thing the station does or is asked (the CLI prints them). */
  log?: (line: string) => void;
};

export type BootResult = { status: 'Accepted' | 'Pending' | 'Rejected'; interval: number };

export type StatusReport = { connector: number; status: ChargePointStatus; errorCode: string };

export type TransactionEvent = { transactionId: number; connector: number; idTag: string };

/** Events of a SimulatedStation, with their argument. */
export type StationEvents = {
  connected: [];
  disconnected: [{ code: number; reason: string }];
  /** The BootNotification was answered. */
  accepted: [BootResult];
  pending: [BootResult];
  rejected: [BootResult];
  /** A call from the central system, after the station answered it. */
  request: [{ action: string; params: Record<string, unknown>; answer: unknown }];
  /** A StatusNotification the central system acknowledged. */
  status: [StatusReport];
  heartbeat: [];
  /** The central system set a new password (AuthorizationKey); the station uses it from its next connection. */
  provisioned: [{ password: string }];
  'transaction-started': [TransactionEvent];
  'transaction-stopped': [TransactionEvent];
};

export type StationEventName = keyof StationEvents;
export type StationEventValue<E extends StationEventName> = StationEvents[E] extends [infer A] ? A : undefined;

// What the gateway and a protocol adapter hand each other (docs/OCPP.md#protocol-adapters).
import type RPCServerClient from 'ocpp-rpc/lib/server-client';
import type { ConnectorStatusReport, StationCalls, StationEvent, StationSession } from './protocol';

export type OcppSocket = RPCServerClient;
export type FrameType = 'CALL' | 'CALLRESULT' | 'CALLERROR';

/** The gateway's command side, told what happens on the sockets (lib/ocpp/dispatcher.ts). */
export interface Dispatcher {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** After the row says connected (accepted or pending). */
  stationConnected(session: StationSession): void;
  /** After an accepted BootNotification was stored. */
  stationBooted(session: StationSession): void;
  /** After a StatusNotification was stored. */
  statusReported(session: StationSession, report: ConnectorStatusReport): Promise<void>;
  /** The station's socket is no longer held by this gateway. */
  stationDisconnected(stationId: string): void;
}

export type DispatcherFactory = (options: {
  gatewayId: string;
  sessions: () => ReadonlyMap<string, StationSession>;
  listen: boolean;
  pollIntervalMs: number;
}) => Dispatcher;

/** A session as the inbound handlers drive it: they report events and name the pool row a boot created. */
export interface InboundSession extends StationSession {
  /** Resolves once the gateway recorded the connection (the station row says connected here). */
  readonly ready: Promise<void>;
  emit(event: StationEvent): void;
}

export type InboundContext = {
  session: InboundSession;
  dispatcher: Dispatcher | null;
  /** An unknown station's BootNotification created its pool row: the gateway holds it from now on. */
  adopt(stationId: string): Promise<void>;
};

/** One OCPP version's two halves, registered for its WebSocket subprotocol. */
export interface ProtocolAdapter {
  /** Registers the handlers of the station's calls on its socket. */
  attach(socket: OcppSocket, context: InboundContext): void;
  /** The version's requests for the neutral calls, on this socket. */
  calls(socket: OcppSocket): StationCalls;
  /** The payload as it may be stored in the message log (secrets replaced). */
  maskPayload(action: string | null, type: FrameType, payload: unknown): unknown;
}

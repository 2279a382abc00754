import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { RPCServer } from 'ocpp-rpc';
import {
  admitStation,
  claimStation,
  listenForStationMoves,
  listHeldStations,
  registerGateway,
  releaseStation,
  sweepDeadGateways,
  unregisterGateway,
  type UnknownStations,
} from '@/lib/services/ocpp';
import type { Dispatcher, DispatcherFactory, OcppSocket } from './adapter';
import { ADAPTERS } from './adapters';
import { HeardWriter } from './heard-writer';
import { logFailure, untilStored } from './faults';
import { logFrames, MessageLog, type MessageLogOptions } from './message-log';
import type { StationSession } from './protocol';
import { GatewaySession } from './session';

export type GatewayOptions = {
  /** 0 picks a free port (see `Gateway.port`). */
  port: number;
  host?: string;
  unknownStations: UnknownStations;
  /** LISTEN for wake-ups (not on the embedded database, which serves one session). */
  listen: boolean;
  /** How often the dispatcher polls for commands. */
  pollIntervalMs: number;
  pingIntervalMs?: number;
  callTimeoutMs?: number;
  /** How often the registry row is refreshed (default 10 s). */
  registryRefreshMs?: number;
  gatewayId?: string;
  /** The command side; without it the gateway records what stations say and sends nothing. */
  dispatcher?: DispatcherFactory;
  messageLog?: MessageLogOptions;
};

export type Gateway = {
  id: string;
  /** The port actually listened on. */
  port: number;
  /** Open sessions by station id. */
  sessions: ReadonlyMap<string, StationSession>;
  close(): Promise<void>;
};

/** Registry refresh and dead-gateway sweep (docs/OCPP.md#gateways). */
const REGISTRY_REFRESH_MS = 10_000;
const DEAD_AFTER_MS = 30_000;
const OWNERSHIP_CHECK_MS = 5_000;
/** A frame larger than this closes that one socket (WebSocket 1009). */
const MAX_FRAME_BYTES = 64 * 1024;
/** Consecutive unparseable frames before a socket is closed (1002). */
const MAX_BAD_MESSAGES = 10;

type Admitted = { stationId: string | null; accepted: boolean };

const logError = (what: string) => (error: unknown) => logFailure(`OCPP gateway: ${what}`, error);

/**
 * The OCPP central system's WebSocket endpoint `ws://HOST:PORT/ocpp/{ocpp_id}`: admits stations,
 * keeps one session per station, records in the database which process holds which station, and
 * lets the adapter of the negotiated subprotocol handle the messages.
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const id = options.gatewayId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const host = options.host ?? '0.0.0.0';
  const sessions = new Map<string, GatewaySession>();
  const messageLog = new MessageLog(options.messageLog);
  const heardWriter = new HeardWriter();
  let closing = false;
  let claims = 0;

  const server = new RPCServer({
    protocols: [...ADAPTERS.keys()],
    strictMode: true,
    callConcurrency: 1,
    pingIntervalMs: options.pingIntervalMs ?? 30_000,
    callTimeoutMs: options.callTimeoutMs ?? 30_000,
    maxBadMessages: MAX_BAD_MESSAGES,
    wssOptions: { maxPayload: MAX_FRAME_BYTES },
  });

  server.auth(async (accept, reject, handshake) => {
    if (handshake.endpoint !== '/ocpp' || !handshake.identity) return reject(404, 'Not found');
    const protocol = [...ADAPTERS.keys()].find((name) => handshake.protocols.has(name));
    if (!protocol) return reject(400, 'Unsupported subprotocol');
    try {
      const admission = await admitStation({
        ocppId: handshake.identity,
        password: handshake.password?.toString('utf8'),
        unknownStations: options.unknownStations,
      });
      if (!admission.admitted) return reject(401, 'Unauthorized');
      const admitted: Admitted = { stationId: admission.stationId, accepted: admission.accepted };
      accept(admitted, protocol);
    } catch (error) {
      logError(`admission of ${handshake.identity} failed`)(error);
      reject(503, 'Service unavailable');
    }
  });

  let dispatcher: Dispatcher | null = null;

  /** This process holds the station's socket now: an older socket of it here is closed, the row claimed. */
  async function hold(session: GatewaySession, stationId: string): Promise<void> {
    session.stationId = stationId;
    const previous = sessions.get(stationId);
    if (previous && previous !== session) {
      void previous.close(1000, 'Replaced by a new connection').catch(logError('closing a replaced socket'));
    }
    sessions.set(stationId, session);
    await claimStation({ stationId, gatewayId: id });
    session.claimSeq = ++claims;
    // Closed while a boot was creating its pool row: the close found no station to release yet.
    if (!session.isOpen()) void onClose(session);
    setImmediate(() => {
      if (sessions.get(stationId) === session && session.isOpen()) dispatcher?.stationConnected(session);
    });
  }

  async function onClose(session: GatewaySession): Promise<void> {
    await session.ready.catch(() => {});
    const stationId = session.stationId;
    // A socket replaced by a newer one, or whose station moved to another gateway, is not offline.
    if (!stationId || sessions.get(stationId) !== session) return;
    sessions.delete(stationId);
    // A stopping gateway releases all its stations at once.
    if (closing) return;
    dispatcher?.stationDisconnected(stationId);
    // Kept trying while the database is away (the station would show online for good), unless the
    // station connected here again meanwhile.
    await untilStored(
      () => releaseStation({ stationId, gatewayId: id }),
      () => closing || sessions.has(stationId),
    ).catch(logError(`marking ${stationId} offline failed`));
  }

  server.on('client', (socket: OcppSocket) => {
    const adapter = ADAPTERS.get(socket.protocol ?? '')!;
    const admitted = socket.session as Admitted;
    const session = new GatewaySession(socket, adapter, { ocppId: socket.identity!, ...admitted }, (stationId, at) =>
      heardWriter.record(stationId, at),
    );
    socket.once('close', () => void onClose(session));
    socket.on('message', ({ outbound }: { outbound: boolean }) => {
      if (!outbound) session.heard();
    });
    logFrames(socket, messageLog, adapter, () => session.stationId);
    adapter.attach(socket, { session, dispatcher, adopt: (stationId) => hold(session, stationId) });
    if (admitted.stationId) {
      session.ready = hold(session, admitted.stationId);
      session.ready.catch((error) => {
        logError(`recording the connection of ${session.ocppId} failed`)(error);
        void session.close(1011, 'Internal error');
      });
    }
  });

  let checking: Promise<void> | null = null;
  let checkAgain = false;
  /** Closes, without marking offline, the sockets of stations the database says another gateway holds now. */
  async function checkOwnership(): Promise<void> {
    if (checking) {
      checkAgain = true;
      return checking;
    }
    checking = (async () => {
      do {
        checkAgain = false;
        const claimedBefore = claims;
        const held = await listHeldStations(id);
        for (const [stationId, session] of sessions) {
          if (held.has(stationId) || session.claimSeq === null || session.claimSeq > claimedBefore) continue;
          sessions.delete(stationId);
          dispatcher?.stationDisconnected(stationId);
          void session.close(1000, 'Connected to another gateway').catch(logError('closing a moved socket'));
        }
      } while (checkAgain && !closing);
    })()
      .catch(logError('ownership check failed'))
      .finally(() => (checking = null));
    return checking;
  }

  // Registered before the first claim, so no other gateway's sweep takes a station of ours for orphaned.
  const registration = { id, host: hostname(), pid: process.pid, port: options.port };
  await registerGateway(registration);
  await sweepDeadGateways({ gatewayId: id, silentMs: DEAD_AFTER_MS });
  dispatcher =
    options.dispatcher?.({ gatewayId: id, sessions: () => sessions, listen: options.listen, pollIntervalMs: options.pollIntervalMs }) ??
    null;
  await dispatcher?.start();
  // Our own HTTP server rather than RPCServer.listen(), which never settles when the port is taken.
  const httpServer = createServer((_request, response) => {
    response.statusCode = 404;
    response.end();
  });
  httpServer.on('upgrade', server.handleUpgrade);
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port, host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    // The port is taken, say: leave nothing registered or running behind.
    await dispatcher?.stop();
    await unregisterGateway(id);
    await messageLog.close();
    throw error;
  }
  const port = (httpServer.address() as AddressInfo).port;
  registration.port = port;
  await registerGateway(registration);

  const timers = [
    setInterval(() => {
      void registerGateway(registration)
        .then(() => sweepDeadGateways({ gatewayId: id, silentMs: DEAD_AFTER_MS }))
        .catch(logError('registry refresh failed'));
    }, options.registryRefreshMs ?? REGISTRY_REFRESH_MS),
    setInterval(() => void checkOwnership(), OWNERSHIP_CHECK_MS),
  ];
  timers.forEach((timer) => timer.unref());
  const unlisten = options.listen ? await listenForStationMoves(() => void checkOwnership()) : null;

  return {
    id,
    port,
    sessions,
    async close() {
      if (closing) return;
      closing = true;
      timers.forEach(clearInterval);
      await unlisten?.().catch(logError('unlisten failed'));
      // Sockets first: calls in flight fail at once instead of holding the dispatcher's stop.
      await server.close({ code: 1001, reason: 'Gateway shutting down' });
      await new Promise((resolve) => httpServer.close(resolve));
      await dispatcher?.stop();
      await checking;
      await unregisterGateway(id).catch(logError('unregistering failed'));
      await heardWriter.flush();
      await messageLog.close();
    },
  };
}

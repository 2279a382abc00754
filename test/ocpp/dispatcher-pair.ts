// A real ocpp-rpc pair around the dispatcher, for its tests: an RPCServer on a random port whose
// clients become small StationSessions wired to a dispatcher, and real RPCClients as stations.
// The gateway side is the least that lets the dispatcher work: telemetry rows written straight.

import { EventEmitter, once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { and, asc, eq } from 'drizzle-orm';
import { RPCClient, RPCServer } from 'ocpp-rpc';
import { getDb } from '@/lib/db/client';
import { chargeStations, connectors, evses } from '@/lib/db/schema';
import { createDispatcher, type Dispatcher } from '@/lib/ocpp/dispatcher';
import { listConnectorRefs } from '@/lib/services/ocpp';
import type { ConnectorStatusReport, ReportedKey, StationCalls, StationEvent, StationSession } from '@/lib/ocpp/protocol';

type ServerClient = {
  identity: string;
  call<T = { status: string }>(method: string, params: unknown): Promise<T>;
  handle(method: string, handler: (arg: { params: StatusParams }) => unknown): void;
  close(options: { code: number; reason: string }): Promise<unknown>;
  on(event: 'close', cb: () => void): void;
  state: number;
};

type StatusParams = { connectorId: number; status: string; errorCode: string };

const upper = (value: string) => value.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

function callsOf(client: ServerClient): StationCalls {
  return {
    changeAvailability: async (connectorId, availability) =>
      upper(
        (
          await client.call('ChangeAvailability', {
            connectorId,
            type: availability === 'INOPERATIVE' ? 'Inoperative' : 'Operative',
          })
        ).status,
      ) as never,
    changeConfiguration: async (key, value) => upper((await client.call('ChangeConfiguration', { key, value })).status) as never,
    getConfiguration: async (keys) => {
      const answer = await client.call<{ configurationKey?: ReportedKey[]; unknownKey?: string[] }>(
        'GetConfiguration',
        keys ? { key: keys } : {},
      );
      return { known: answer.configurationKey ?? [], unknown: answer.unknownKey ?? [] };
    },
    reset: async (type) => upper((await client.call('Reset', { type: type === 'HARD' ? 'Hard' : 'Soft' })).status) as never,
    triggerMessage: async (requestedMessage, connectorId) =>
      upper((await client.call('TriggerMessage', { requestedMessage, connectorId })).status) as never,
    remoteStart: async (connectorId, idTag) => upper((await client.call('RemoteStartTransaction', { connectorId, idTag })).status) as never,
    remoteStop: async (transactionId) => upper((await client.call('RemoteStopTransaction', { transactionId })).status) as never,
  };
}

export type TestGateway = {
  gatewayId: string;
  port: number;
  dispatcher: Dispatcher;
  sessions: Map<string, StationSession>;
  close(): Promise<void>;
};

/** A gateway stand-in on 127.0.0.1, port 0; `accepted(ocppId)` says whether a station takes commands. */
export async function startTestGateway(
  options: { listen?: boolean; pollIntervalMs?: number; callTimeoutMs?: number; accepted?: (ocppId: string) => boolean } = {},
): Promise<TestGateway> {
  const gatewayId = `test:${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
  const sessions = new Map<string, StationSession>();
  const dispatcher = createDispatcher({
    gatewayId,
    sessions: () => sessions,
    listen: options.listen ?? true,
    pollIntervalMs: options.pollIntervalMs ?? 100,
  });
  const server = new RPCServer({ protocols: ['ocpp1.6'], strictMode: true, callTimeoutMs: options.callTimeoutMs ?? 5000 });
  server.auth((accept) => accept({}, 'ocpp1.6'));
  server.on('client', async (client: ServerClient) => {
    const [station] = await getDb().select().from(chargeStations).where(eq(chargeStations.ocppId, client.identity));
    if (!station) return client.close({ code: 1008, reason: 'unknown station' });
    const events = new EventEmitter();
    let open = true;
    const session: StationSession = {
      ocppId: client.identity,
      stationId: station.id,
      accepted: options.accepted?.(client.identity) ?? true,
      calls: callsOf(client),
      waitFor: (type, timeoutMs, match) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => done(null), timeoutMs);
          const listener = (event: StationEvent) => {
            if (event.type === type && (!match || match(event as never))) done(event as never);
          };
          const done = (value: StationEvent | null) => {
            clearTimeout(timer);
            events.off('event', listener);
            resolve(value as never);
          };
          events.on('event', listener);
        }),
      isOpen: () => open,
      close: async (code, reason) => void (await client.close({ code, reason })),
    };
    client.on('close', async () => {
      open = false;
      if (sessions.get(station.id) !== session) return;
      sessions.delete(station.id);
      await getDb()
        .update(chargeStations)
        .set({ connected: false, gatewayId: null, availabilitySync: 'OFFLINE' })
        .where(and(eq(chargeStations.id, station.id), eq(chargeStations.gatewayId, gatewayId)));
      await getDb().update(evses).set({ availabilitySync: 'OFFLINE' }).where(eq(evses.stationId, station.id));
      dispatcher.stationDisconnected(station.id);
    });
    client.handle('BootNotification', async () => {
      events.emit('event', { type: 'boot', accepted: session.accepted });
      if (session.accepted) dispatcher.stationBooted(session);
      return { status: 'Accepted', interval: 300, currentTime: new Date().toISOString() };
    });
    client.handle('Heartbeat', async () => {
      events.emit('event', { type: 'heartbeat' });
      return { currentTime: new Date().toISOString() };
    });
    client.handle('StatusNotification', async ({ params }) => {
      const at = new Date();
      const connector = params.connectorId
        ? (await listConnectorRefs(station.id)).find((ref) => ref.number === params.connectorId)
        : undefined;
      if (connector) {
        await getDb()
          .update(connectors)
          .set({ reportedStatus: params.status, reportedErrorCode: params.errorCode, reportedAt: at })
          .where(and(eq(connectors.evseUid, connector.evseUid), eq(connectors.id, connector.connectorId)));
      }
      const report: ConnectorStatusReport = {
        connector: params.connectorId,
        status: params.status === 'Unavailable' ? 'INOPERATIVE' : 'AVAILABLE',
        reportedStatus: params.status,
        errorCode: params.errorCode,
        unavailable: params.status === 'Unavailable',
        at,
      };
      await dispatcher.statusReported(session, report);
      events.emit('event', { type: 'status', report });
      return {};
    });
    sessions.get(station.id)?.close(4000, 'replaced');
    sessions.set(station.id, session);
    await getDb()
      .update(chargeStations)
      .set({ connected: true, gatewayId, connectedAt: new Date() })
      .where(eq(chargeStations.id, station.id));
    dispatcher.stationConnected(session);
  });
  const http = await server.listen(0, '127.0.0.1');
  await dispatcher.start();
  return {
    gatewayId,
    port: (http.address() as AddressInfo).port,
    dispatcher,
    sessions,
    async close() {
      await dispatcher.stop();
      await server.close({ force: true, awaitPending: false });
    },
  };
}

export type StationAnswers = {
  /** ChangeAvailability per connector id (0 = station); default Accepted. */
  availability?: (connectorId: number, type: 'Operative' | 'Inoperative') => 'Accepted' | 'Rejected' | 'Scheduled';
  configuration?: (key: string, value: string) => 'Accepted' | 'Rejected' | 'RebootRequired' | 'NotSupported';
  /** Actions the station never answers. */
  silentOn?: string[];
  /** Actions the station answers only after this many milliseconds. */
  delayMs?: Record<string, number>;
};

/**
 * A real ocpp-rpc client as the station, with `connectorCount` connectors. Like hardware, it
 * reports a connector's new status after accepting an availability change; its configuration is
 * `keys` (changed by accepted ChangeConfiguration calls).
 */
export async function connectTestStation(
  gateway: { port: number },
  ocppId: string,
  { connectorCount, answers = {}, keys = {} }: { connectorCount: number; answers?: StationAnswers; keys?: Record<string, string> },
) {
  const client = new RPCClient({
    endpoint: `ws://127.0.0.1:${gateway.port}/ocpp`,
    identity: ocppId,
    protocols: ['ocpp1.6'],
    strictMode: true,
    reconnect: false,
  } as ConstructorParameters<typeof RPCClient>[0]);
  const received: { method: string; params: unknown }[] = [];
  const statuses = new Map<number, string>();
  const reportStatus = async (connectorId: number, status: string) => {
    statuses.set(connectorId, status);
    await client.call('StatusNotification', { connectorId, status, errorCode: 'NoError' });
  };
  // A message the station sends on its own may meet the end of the test.
  const ignoreClosed = () => {};
  const silent = () => new Promise<never>(() => {});
  const on = <P>(method: string, handler: (params: P) => Record<string, unknown>) =>
    client.handle(method, async ({ params }: { params?: unknown }) => {
      received.push({ method, params });
      if (answers.silentOn?.includes(method)) return silent();
      const delay = answers.delayMs?.[method];
      const answer = () => handler(params as P);
      return delay ? new Promise<Record<string, unknown>>((resolve) => setTimeout(() => resolve(answer()), delay)) : answer();
    });
  on<{ connectorId: number; type: 'Operative' | 'Inoperative' }>('ChangeAvailability', ({ connectorId, type }) => {
    const status = answers.availability?.(connectorId, type) ?? 'Accepted';
    if (status === 'Accepted') {
      const targets = connectorId === 0 ? Array.from({ length: connectorCount }, (_, i) => i + 1) : [connectorId];
      setImmediate(() => {
        for (const target of targets) reportStatus(target, type === 'Inoperative' ? 'Unavailable' : 'Available').catch(ignoreClosed);
      });
    }
    return { status };
  });
  on<{ key: string; value: string }>('ChangeConfiguration', ({ key, value }) => {
    const status = answers.configuration?.(key, value) ?? 'Accepted';
    if (status === 'Accepted') keys[key] = value;
    return { status };
  });
  on<{ key?: string[] }>('GetConfiguration', ({ key }) => {
    const asked = key ?? Object.keys(keys);
    return {
      configurationKey: asked.filter((k) => k in keys).map((k) => ({ key: k, readonly: false, value: keys[k] })),
      unknownKey: asked.filter((k) => !(k in keys)),
    };
  });
  on('Reset', () => ({ status: 'Accepted' }));
  const boot = () => client.call('BootNotification', { chargePointVendor: 'Test', chargePointModel: 'Pair' });
  // Like hardware, a triggered message follows the answer.
  on<{ requestedMessage: string; connectorId?: number }>('TriggerMessage', ({ requestedMessage, connectorId }) => {
    setImmediate(() => {
      if (requestedMessage === 'BootNotification') boot().catch(ignoreClosed);
      if (requestedMessage === 'Heartbeat') client.call('Heartbeat', {}).catch(ignoreClosed);
      if (requestedMessage === 'StatusNotification') {
        const targets = connectorId ? [connectorId] : Array.from({ length: connectorCount }, (_, i) => i + 1);
        for (const target of targets) reportStatus(target, statuses.get(target) ?? 'Available').catch(ignoreClosed);
      }
    });
    return { status: 'Accepted' };
  });
  await client.connect();
  return {
    client,
    received,
    keys,
    statuses,
    reportStatus,
    boot,
    async close() {
      if (client.state !== RPCClient.CLOSED) await client.close({ code: 1000, force: true });
    },
    closed: () => once(client, 'close'),
  };
}

/** A station (pool, no tenant) with EVSEs holding the given number of connectors each. */
export async function makeStationWithConnectors(connectorsPerEvse: number[]) {
  const ocppId = `CMD-${crypto.randomUUID().slice(0, 8)}`;
  const [station] = await getDb().insert(chargeStations).values({ ocppId, chargerType: 'AC' }).returning();
  const evseUids: string[] = [];
  for (const [position, count] of connectorsPerEvse.entries()) {
    const [evse] = await getDb().insert(evses).values({ stationId: station!.id, position }).returning();
    evseUids.push(evse!.uid);
    for (let i = 0; i < count; i++) {
      await getDb()
        .insert(connectors)
        .values({
          evseUid: evse!.uid,
          id: String(i + 1),
          position: i,
          standard: 'IEC_62196_T2',
          format: 'SOCKET',
          powerType: 'AC_3_PHASE',
          maxVoltage: 230,
          maxAmperage: 16,
        });
    }
  }
  return { station: station!, ocppId, evseUids };
}

export async function stationSyncState(stationId: string) {
  const db = getDb();
  const [station] = await db.select().from(chargeStations).where(eq(chargeStations.id, stationId));
  const evseRows = await db.select().from(evses).where(eq(evses.stationId, stationId)).orderBy(asc(evses.position));
  return { station: station!, evses: evseRows };
}

/** Polls `read` until `done` holds or `timeoutMs` passes; returns the last value. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

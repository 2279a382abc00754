// The station side of the command tests: a real strict ocpp-rpc 1.6 client that behaves like
// hardware towards the gateway's commands (answers chosen per test, statuses reported after an
// accepted availability change, triggered messages sent), plus the gateway with its dispatcher.

import { once } from 'node:events';
import { asc, eq } from 'drizzle-orm';
import { RPCClient } from 'ocpp-rpc';
import { getDb } from '@/lib/db/client';
import { chargeStations, evses } from '@/lib/db/schema';
import { createDispatcher } from '@/lib/ocpp/dispatcher';
import type { GatewayOptions } from '@/lib/ocpp/gateway';
import { startTestGateway } from './support';

/** The gateway on a random port with the command side on, polling fast enough for tests. */
export function startCommandGateway(options: Partial<GatewayOptions> = {}) {
  return startTestGateway({ dispatcher: createDispatcher, pollIntervalMs: 100, ...options });
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
  port: number,
  ocppId: string,
  {
    connectorCount,
    password,
    answers = {},
    keys = {},
  }: { connectorCount: number; password?: string; answers?: StationAnswers; keys?: Record<string, string> },
) {
  const client = new RPCClient({
    endpoint: `ws://127.0.0.1:${port}/ocpp`,
    identity: ocppId,
    password,
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
  const boot = () => client.call('BootNotification', { chargePointVendor: 'Test', chargePointModel: 'Commanded' });
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

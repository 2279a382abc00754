import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { eq } from 'drizzle-orm';
import { RPCClient } from 'ocpp-rpc';
import { afterAll } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { getDb } from '@/lib/db/client';
import { chargeStations, connectors, evses, ocppMessages } from '@/lib/db/schema';
import { startGateway, type Gateway, type GatewayOptions } from '@/lib/ocpp/gateway';
import { freeLoopbackPort } from '@/test/postgres-server';

export const STATION_PASSWORD = 'station-secret-0123456789';

const started: { close(): Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(started.splice(0).map((thing) => thing.close()));
});

/** A gateway on 127.0.0.1, a random port, the test database; closed after the file's tests. */
export async function startTestGateway(options: Partial<GatewayOptions> = {}): Promise<Gateway> {
  const gateway = await startGateway({
    port: 0,
    host: '127.0.0.1',
    unknownStations: 'pool',
    listen: true,
    pollIntervalMs: 1000,
    messageLog: { flushIntervalMs: 50 },
    ...options,
  });
  started.push(gateway);
  return gateway;
}

export const uniqueOcppId = (prefix = 'CP') => `${prefix}-${randomUUID().slice(0, 8)}`;

/**
 * A station with `connectorsPerEvse[i]` connectors on EVSE i (positions in order), and a password
 * of its own unless `password` is null.
 */
export async function makeOcppStation(
  options: { password?: string | null; connectorsPerEvse?: number[]; configuration?: Record<string, string> } = {},
) {
  const db = getDb();
  const password = options.password === undefined ? STATION_PASSWORD : options.password;
  const [station] = await db
    .insert(chargeStations)
    .values({
      ocppId: uniqueOcppId(),
      chargerType: 'AC',
      ocppPasswordHash: password ? await hashPassword(password) : null,
      configuration: options.configuration ?? {},
      configurationSync: Object.fromEntries(Object.keys(options.configuration ?? {}).map((key) => [key, 'PENDING' as const])),
    })
    .returning();
  const evseUids: string[] = [];
  for (const [index, count] of (options.connectorsPerEvse ?? [1]).entries()) {
    const [evse] = await db.insert(evses).values({ stationId: station!.id, position: index, availabilitySync: 'PENDING' }).returning();
    evseUids.push(evse!.uid);
    await db.insert(connectors).values(
      Array.from({ length: count }, (_, position) => ({
        evseUid: evse!.uid,
        id: String(position + 1),
        position,
        standard: 'IEC_62196_T2',
        format: 'SOCKET' as const,
        powerType: 'AC_3_PHASE' as const,
        maxVoltage: 230,
        maxAmperage: 32,
      })),
    );
  }
  return { station: station!, evseUids, password };
}

/** A strict ocpp-rpc 1.6 client, as a charge point would be; closed after the file's tests. */
export async function connectStation(
  port: number,
  ocppId: string,
  options: { password?: string; protocols?: string[]; path?: string } = {},
): Promise<RPCClient> {
  const client = new RPCClient({
    endpoint: `ws://127.0.0.1:${port}${options.path ?? '/ocpp'}`,
    identity: ocppId,
    password: options.password,
    protocols: options.protocols ?? ['ocpp1.6'],
    strictMode: true,
    reconnect: false,
  } as ConstructorParameters<typeof RPCClient>[0]);
  started.push({ close: () => client.close({ force: true }).then(() => undefined) });
  await client.connect();
  return client;
}

/** The HTTP status a refused handshake got. */
export async function refusedWith(port: number, ocppId: string, options: Parameters<typeof connectStation>[2] = {}): Promise<number> {
  try {
    await connectStation(port, ocppId, options);
  } catch (error) {
    return (error as { code: number }).code;
  }
  throw new Error('the handshake was accepted');
}

export const boot = (client: RPCClient, fields: Record<string, string> = {}) =>
  client.call('BootNotification', { chargePointVendor: 'Alfen', chargePointModel: 'Eve Single', ...fields }) as Promise<{
    status: string;
    interval: number;
    currentTime: string;
  }>;

export const statusNotification = (client: RPCClient, connectorId: number, status: string, errorCode = 'NoError') =>
  client.call('StatusNotification', { connectorId, status, errorCode });

export async function readStation(id: string) {
  const [station] = await getDb().select().from(chargeStations).where(eq(chargeStations.id, id));
  return station!;
}

export async function readStationByOcppId(ocppId: string) {
  const [station] = await getDb().select().from(chargeStations).where(eq(chargeStations.ocppId, ocppId));
  return station;
}

export async function readEvses(stationId: string) {
  return getDb().select().from(evses).where(eq(evses.stationId, stationId)).orderBy(evses.position);
}

export async function readMessages(stationId: string) {
  return getDb().select().from(ocppMessages).where(eq(ocppMessages.stationId, stationId)).orderBy(ocppMessages.id);
}

/** Polls `probe` until it returns something truthy, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 5_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export type GatewayProcess = { child: ChildProcess; id: string; port: number; stop(): Promise<void> };

/** `npm run ocpp` as a process of its own on the test database; resolves once it listens. */
export async function startGatewayProcess(): Promise<GatewayProcess> {
  const port = await freeLoopbackPort();
  const child = spawn('node_modules/.bin/tsx', ['--import', './scripts/node-server-runtime.mjs', 'scripts/ocpp.ts'], {
    env: { ...process.env, OCPP_PORT: String(port), HOSTNAME: '127.0.0.1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const id = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gateway process did not start:\n${output}`)), 45_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /OCPP gateway (\S+) listening on ws:\/\/127\.0\.0\.1:(\d+)\/ocpp\/\{ocpp_id\}/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`gateway process exited (${code}):\n${output}`)));
  });
  return {
    child,
    id,
    port,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

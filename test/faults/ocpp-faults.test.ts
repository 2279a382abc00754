import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { ocppGateways, stationCommands } from '@/lib/db/schema';
import type { Gateway } from '@/lib/ocpp/gateway';
import { enqueueStationCommand } from '@/lib/services/ocpp';
import { connectTestStation, startCommandGateway } from '@/test/ocpp/commanded-station';
import { makeOcppStation, readStation, startGatewayProcess, STATION_PASSWORD } from '@/test/ocpp/support';
import { startFaultDatabase, waitForServer, type FaultDatabase } from './fault-database';

// The OCPP gateway under database faults (issue 12), on a Postgres server of this file's own:
// while its sessions are terminated or Postgres restarts, stations stay or come back online, every
// command queued before or during the fault is delivered afterwards (none lost, none left SENT),
// the gateway keeps running (no unhandled rejection) and its registry heartbeat resumes.

const STATIONS = 4;
let database: FaultDatabase;
let gateway: Gateway;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => {
  console.error('unhandled rejection', reason);
  unhandled.push(reason);
};

beforeAll(async () => {
  database = await startFaultDatabase();
  process.on('unhandledRejection', onUnhandled);
  gateway = await startCommandGateway({ listen: true, pollIntervalMs: 200, registryRefreshMs: 500 });
}, 120_000);

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await gateway?.close();
  await database?.close();
}, 60_000);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A station that, like hardware, connects again whenever its socket closes, until `stop()`. */
async function stationOnline(ocppId: string, port = gateway.port) {
  let stopped = false;
  let reconnects = 0;
  let current: Awaited<ReturnType<typeof connectTestStation>> | null = null;
  const open = async (): Promise<void> => {
    while (!stopped) {
      try {
        current = await connectTestStation(port, ocppId, { connectorCount: 1, password: STATION_PASSWORD });
        void current.closed().then(() => {
          if (stopped) return;
          reconnects += 1;
          void sleep(200).then(open);
        });
        return;
      } catch {
        await sleep(300);
      }
    }
  };
  await open();
  return {
    reconnects: () => reconnects,
    /** A heartbeat as the station sends it; the gateway may refuse it while the database is away. */
    heartbeat: () => current?.client.call('Heartbeat', {}).catch(() => null),
    async stop() {
      stopped = true;
      await current?.close();
    },
  };
}

/** Polls `read` until it returns something truthy or `timeoutMs` passes (then the last value). */
async function within<T>(timeoutMs: number, read: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined as T);
    if (value || Date.now() > deadline) return value;
    await sleep(100);
  }
}

/** Queues a command as the product does; resolves to its id once committed, null when the database refused. */
async function enqueue(stationId: string): Promise<string | null> {
  try {
    const command = await getDb().transaction((tx) =>
      enqueueStationCommand(tx, { stationId, kind: 'trigger_message', payload: { message: 'Heartbeat' }, requestedBy: 'user:test' }),
    );
    return command.id;
  } catch {
    return null;
  }
}

/** Runs `fault` while commands are queued and stations talk; then everything queued must be delivered. */
async function commandsThrough(fault: () => Promise<number>) {
  const made = await Promise.all(Array.from({ length: STATIONS }, () => makeOcppStation()));
  const stations = await Promise.all(made.map(({ station }) => stationOnline(station.ocppId)));
  const queued: string[] = [];
  let stopped = false;
  const traffic = (async () => {
    while (!stopped) {
      for (const { station } of made) {
        const id = await enqueue(station.id);
        if (id) queued.push(id);
      }
      await Promise.all(stations.map((s) => s.heartbeat()));
      await sleep(100);
    }
  })();
  const back = await fault();
  await sleep(500);
  stopped = true;
  await traffic;

  const stationIds = made.map(({ station }) => station.id);
  const deadline = Date.now() + 20_000;
  let open: { id: string; status: string }[] = [];
  for (;;) {
    open = await getDb()
      .select({ id: stationCommands.id, status: stationCommands.status })
      .from(stationCommands)
      .where(and(inArray(stationCommands.stationId, stationIds), inArray(stationCommands.status, ['QUEUED', 'SENT'])));
    if (!open.length || Date.now() > deadline) break;
    await sleep(100);
  }
  const settledAfter = Date.now() - back;
  const finished = await getDb()
    .select({ id: stationCommands.id, status: stationCommands.status, error: stationCommands.error })
    .from(stationCommands)
    .where(inArray(stationCommands.id, queued));
  const reconnects = stations.reduce((sum, s) => sum + s.reconnects(), 0);
  await Promise.all(stations.map((s) => s.stop()));
  return { queued, open, finished, settledAfter, reconnects };
}

/** How long after `since` the gateway's registry row was refreshed. */
async function registryHeartbeatAfter(since: number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    // This process's pool may still hold a connection the restart closed: a failed look is looked again.
    const [row] = await getDb()
      .select({ seenAt: ocppGateways.seenAt })
      .from(ocppGateways)
      .where(eq(ocppGateways.id, gateway.id))
      .catch(() => []);
    if (row && row.seenAt.getTime() > since) return row.seenAt.getTime() - since;
    if (Date.now() > deadline) throw new Error('the registry heartbeat did not resume');
    await sleep(100);
  }
}

describe('OCPP gateway under database faults', () => {
  it('delivers every queued command while its sessions are terminated over and over', async () => {
    let terminated = 0;
    const result = await commandsThrough(async () => {
      await sleep(300);
      for (let round = 0; round < 8; round += 1) {
        terminated += await database.terminateBackends();
        await sleep(300);
      }
      return Date.now();
    });
    const statuses = result.finished.map((c) => c.status);
    console.log(
      `terminated ${terminated} sessions; ${result.queued.length} commands queued, all finished ${result.settledAfter} ms after the last fault; ` +
        `outcomes ${JSON.stringify(Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length])))}; ` +
        `station reconnects ${result.reconnects}`,
    );
    expect(terminated).toBeGreaterThan(0);
    expect(result.open).toEqual([]);
    expect(result.finished.filter((c) => c.status !== 'ACCEPTED')).toEqual([]);
    expect(result.finished).toHaveLength(result.queued.length);
    expect(unhandled).toEqual([]);
  }, 60_000);

  it('delivers every queued command across a Postgres restart, and its registry heartbeat resumes', async () => {
    let back = 0;
    let down = 0;
    let heartbeat: Promise<number> | undefined;
    // A station that comes online while the database is away: refused (503), it tries again.
    const late = await makeOcppStation();
    let lateOnline: ReturnType<typeof stationOnline> | undefined;
    // And one that goes away meanwhile: it must not stay `connected` once the database is back.
    const leaving = await makeOcppStation();
    const leaver = await stationOnline(leaving.station.ocppId);
    const result = await commandsThrough(async () => {
      await sleep(400);
      down = Date.now();
      const restarting = database.server.restart(1500);
      await sleep(300);
      lateOnline = stationOnline(late.station.ocppId);
      await leaver.stop();
      await restarting;
      back = await waitForServer(database.url);
      heartbeat = registryHeartbeatAfter(back);
      return back;
    });
    const statuses = result.finished.map((c) => c.status);
    const heartbeatAfter = await heartbeat!;
    const lateStation = await lateOnline!;
    const lateAfter = Date.now() - back;
    expect(gateway.sessions.has(late.station.id)).toBe(true);
    await lateStation.stop();
    const leftConnected = async () => (await readStation(leaving.station.id).catch(() => ({ connected: true }))).connected;
    const offlineBy = Date.now() + 5000;
    while ((await leftConnected()) && Date.now() < offlineBy) await sleep(100);
    expect(await leftConnected()).toBe(false);
    console.log(
      `Postgres down ${back - down} ms; ${result.queued.length} commands queued, all finished ${result.settledAfter} ms after it was back; ` +
        `outcomes ${JSON.stringify(Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length])))}; ` +
        `station reconnects ${result.reconnects}; registry heartbeat ${heartbeatAfter} ms after; a station refused while it was down online by ${lateAfter} ms after`,
    );
    expect(result.open).toEqual([]);
    expect(result.finished.filter((c) => c.status !== 'ACCEPTED')).toEqual([]);
    expect(result.finished).toHaveLength(result.queued.length);
    expect(unhandled).toEqual([]);
  }, 60_000);

  it('keeps `npm run ocpp` running through terminated sessions and a restart, then delivers', async () => {
    const gatewayProcess = await startGatewayProcess();
    let output = '';
    gatewayProcess.child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    gatewayProcess.child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const { station } = await makeOcppStation();
      const online = await stationOnline(station.ocppId, gatewayProcess.port);
      for (let round = 0; round < 4; round += 1) {
        await database.terminateBackends();
        await sleep(250);
      }
      await database.server.restart(1000);
      const back = await waitForServer(database.url);
      const commandId = await within(5000, () => enqueue(station.id));
      expect(commandId).toBeTruthy();
      const delivered = await within(10_000, async () => {
        const [row] = await getDb()
          .select({ status: stationCommands.status })
          .from(stationCommands)
          .where(eq(stationCommands.id, commandId!));
        return row?.status === 'ACCEPTED';
      });
      console.log(`the gateway process delivered a command ${Date.now() - back} ms after Postgres was back`);
      expect(delivered).toBe(true);
      expect(gatewayProcess.child.exitCode).toBeNull();
      expect(output).not.toMatch(/unhandled|TypeError|uncaught/i);
      await online.stop();
    } finally {
      await gatewayProcess.stop();
    }
  }, 60_000);
});

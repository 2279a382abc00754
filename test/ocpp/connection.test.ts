import { once } from 'node:events';
import type { RPCClient } from 'ocpp-rpc';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '@/lib/ocpp/gateway';
import {
  boot,
  connectStation,
  eventually,
  makeOcppStation,
  readEvses,
  readMessages,
  readStation,
  startTestGateway,
  STATION_PASSWORD,
  uniqueOcppId,
} from './support';

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});

const OPEN = 1;

async function connected(options: Parameters<typeof makeOcppStation>[0] = {}, on = () => gateway) {
  const made = await makeOcppStation(options);
  const client = await connectStation(on().port, made.station.ocppId, { password: STATION_PASSWORD });
  await eventually(async () => (await readStation(made.station.id)).connected, 2_000, 'connected');
  return { ...made, client };
}

/** The frames a client receives, as parsed JSON (non-JSON kept as text). */
function inbox(client: RPCClient): unknown[] {
  const received: unknown[] = [];
  client.on('message', ({ message, outbound }: { message: string; outbound: boolean }) => {
    if (outbound) return;
    try {
      received.push(JSON.parse(message));
    } catch {
      received.push(message);
    }
  });
  return received;
}

describe('connection state (docs/OCPP.md#gateways)', () => {
  it('connected follows the socket; on close the station and every sync state are OFFLINE', async () => {
    const { station, client } = await connected({ connectorsPerEvse: [1, 1], configuration: { HeartbeatInterval: '300' } });
    expect(await readStation(station.id)).toMatchObject({ connected: true, gatewayId: gateway.id });
    expect((await readStation(station.id)).connectedAt).toBeInstanceOf(Date);
    await client.close();
    const row = await eventually(
      async () => {
        const current = await readStation(station.id);
        return !current.connected && current;
      },
      3_000,
      'disconnected',
    );
    expect(row).toMatchObject({ gatewayId: null, availabilitySync: 'OFFLINE', configurationSync: { HeartbeatInterval: 'OFFLINE' } });
    expect((await readEvses(station.id)).map((evse) => evse.availabilitySync)).toEqual(['OFFLINE', 'OFFLINE']);
    expect(gateway.sessions.has(station.id)).toBe(false);
  });

  it('drops a socket that stops answering pings', async () => {
    const pinging = await startTestGateway({ pingIntervalMs: 150 });
    const { station, client } = await connected({}, () => pinging);
    // A dead link: the client reads nothing more, so it never answers a ping.
    (client as unknown as { _ws: { _socket: { pause(): void } } })._ws._socket.pause();
    await eventually(async () => !(await readStation(station.id)).connected, 3_000, 'the ping timeout');
    expect(pinging.sessions.has(station.id)).toBe(false);
  });

  it('a new connection of the same station replaces the old one, which does not mark it offline', async () => {
    const { station, client: first } = await connected();
    const firstSession = gateway.sessions.get(station.id)!;
    const closed = once(first, 'close');
    const second = await connectStation(gateway.port, station.ocppId, { password: STATION_PASSWORD });
    await closed;
    expect(first.state).not.toBe(OPEN);
    expect(firstSession.isOpen()).toBe(false);
    await eventually(async () => gateway.sessions.get(station.id) !== firstSession, 2_000, 'the new session');
    expect(await boot(second)).toMatchObject({ status: 'Accepted' });
    expect(await readStation(station.id)).toMatchObject({ connected: true, gatewayId: gateway.id });
    await second.close();
    await eventually(async () => !(await readStation(station.id)).connected, 3_000, 'offline after the new socket closed');
  });
});

describe('gateway lifecycle (docs/OCPP.md#gateways)', () => {
  it('registers in ocpp_gateways, and a gateway that cannot listen leaves nothing behind', async () => {
    const { getDb } = await import('@/lib/db/client');
    const { ocppGateways } = await import('@/lib/db/schema');
    const { eq } = await import('drizzle-orm');
    const { startGateway } = await import('@/lib/ocpp/gateway');
    const [registered] = await getDb().select().from(ocppGateways).where(eq(ocppGateways.id, gateway.id));
    expect(registered).toMatchObject({ port: gateway.port, pid: process.pid });
    const gatewayId = `taken-port-${Date.now()}`;
    await expect(
      startGateway({ port: gateway.port, host: '127.0.0.1', unknownStations: 'pool', listen: false, pollIntervalMs: 1000, gatewayId }),
    ).rejects.toThrow(/EADDRINUSE/);
    expect(await getDb().select().from(ocppGateways).where(eq(ocppGateways.id, gatewayId))).toEqual([]);
  });
});

describe('malformed frames (docs/OCPP.md#gateways)', () => {
  it('answers a schema violation and an unknown action with CALLERROR, a frame that is not JSON with RpcFrameworkError, and keeps serving', async () => {
    const { client } = await connected();
    const { client: bystander } = await connected();
    const received = inbox(client);
    client.sendRaw(JSON.stringify([2, 'bad-boot', 'BootNotification', { chargePointVendor: 42, chargePointModel: 'Eve' }]));
    client.sendRaw(JSON.stringify([2, 'unknown-action', 'MakeCoffee', {}]));
    client.sendRaw('this is not json {');
    await eventually(async () => received.length >= 3, 2_000, 'three CALLERRORs');
    expect(received).toContainEqual([4, 'bad-boot', 'TypeConstraintViolation', expect.any(String), expect.anything()]);
    expect(received).toContainEqual([4, 'unknown-action', 'NotImplemented', expect.any(String), {}]);
    // No message id to answer: OCPP-J's "-1" (ocpp-rpc), nothing stored, the socket stays.
    expect(received).toContainEqual([4, '-1', 'RpcFrameworkError', expect.any(String), {}]);
    expect(client.state).toBe(OPEN);
    expect(await client.call('Heartbeat', {})).toHaveProperty('currentTime');
    expect(await bystander.call('Heartbeat', {})).toHaveProperty('currentTime');
  });

  it('closes only the socket that sends a huge frame', async () => {
    const { station, client } = await connected();
    const { client: bystander } = await connected();
    const closed = once(client, 'close');
    client.sendRaw(JSON.stringify([2, 'huge', 'DataTransfer', { vendorId: 'x', data: 'x'.repeat(200 * 1024) }]));
    const [{ code }] = (await closed) as [{ code: number }];
    expect(code).toBe(1009);
    await eventually(async () => !(await readStation(station.id)).connected, 3_000, 'offline');
    expect(await bystander.call('Heartbeat', {})).toHaveProperty('currentTime');
  });
});

describe('message log (docs/OCPP.md#message-log)', () => {
  it('stores frames both ways with action, message id and latency, and masks AuthorizationKey', async () => {
    const { station, client } = await connected();
    client.handle('ChangeConfiguration', async () => ({ status: 'Accepted' }));
    client.handle('GetConfiguration', async () => ({
      configurationKey: [
        { key: 'AuthorizationKey', readonly: false, value: 'a-secret-key-value' },
        { key: 'HeartbeatInterval', readonly: false, value: '300' },
      ],
    }));
    await boot(client);
    const session = gateway.sessions.get(station.id)!;
    expect(await session.calls.changeConfiguration('AuthorizationKey', 'a-secret-key-value')).toBe('ACCEPTED');
    expect(await session.calls.getConfiguration()).toEqual({
      known: [
        { key: 'AuthorizationKey', value: 'a-secret-key-value', readonly: false },
        { key: 'HeartbeatInterval', value: '300', readonly: false },
      ],
      unknown: [],
    });
    const rows = await eventually(
      async () => {
        const stored = await readMessages(station.id);
        return stored.length >= 6 && stored;
      },
      3_000,
      'six frames',
    );
    const summary = rows.map((row) => [row.direction, row.messageType, row.action]);
    expect(summary).toEqual([
      ['IN', 'CALL', 'BootNotification'],
      ['OUT', 'CALLRESULT', 'BootNotification'],
      ['OUT', 'CALL', 'ChangeConfiguration'],
      ['IN', 'CALLRESULT', 'ChangeConfiguration'],
      ['OUT', 'CALL', 'GetConfiguration'],
      ['IN', 'CALLRESULT', 'GetConfiguration'],
    ]);
    expect(rows[0]!.payload).toMatchObject({ chargePointVendor: 'Alfen' });
    expect(rows[1]!.messageId).toBe(rows[0]!.messageId);
    expect(rows[1]!.latencyMs).toBeGreaterThanOrEqual(0);
    expect(rows[0]!.latencyMs).toBeNull();
    expect(rows[2]!.payload).toEqual({ key: 'AuthorizationKey', value: '***' });
    expect(rows[5]!.payload).toEqual({
      configurationKey: [
        { key: 'AuthorizationKey', readonly: false, value: '***' },
        { key: 'HeartbeatInterval', readonly: false, value: '300' },
      ],
    });
    expect(JSON.stringify(rows)).not.toContain('a-secret-key-value');
  });

  it("stores an unknown station's frames from its boot's answer on", async () => {
    const ocppId = uniqueOcppId('LOG');
    const client = await connectStation(gateway.port, ocppId);
    await client.call('Heartbeat', {});
    await boot(client);
    await client.call('Heartbeat', {});
    const { readStationByOcppId } = await import('./support');
    const station = (await readStationByOcppId(ocppId))!;
    const rows = await eventually(
      async () => {
        const stored = await readMessages(station.id);
        return stored.length >= 4 && stored;
      },
      3_000,
      'three frames',
    );
    // A Pending station without connectors on record is asked for its status (this client does not implement it).
    expect(rows.filter((row) => row.action === 'TriggerMessage').map((row) => [row.direction, row.messageType])).toContainEqual([
      'OUT',
      'CALL',
    ]);
    expect(rows.filter((row) => row.action !== 'TriggerMessage').map((row) => [row.direction, row.messageType, row.action])).toEqual([
      ['OUT', 'CALLRESULT', 'BootNotification'],
      ['IN', 'CALL', 'Heartbeat'],
      ['OUT', 'CALLRESULT', 'Heartbeat'],
    ]);
  });

  it('keeps the newest frames per station and nothing too old', async () => {
    const { MessageLog } = await import('@/lib/ocpp/message-log');
    const { station } = await makeOcppStation();
    const log = new MessageLog({ flushIntervalMs: 10, keepPerStation: 3, maxAgeMs: 60 * 60 * 1000, pruneIntervalMs: 60_000 });
    const frame = (messageId: string, at: Date) => ({
      stationId: station.id,
      at,
      direction: 'IN' as const,
      messageType: 'CALL' as const,
      action: 'Heartbeat',
      messageId,
      payload: {},
      latencyMs: null,
    });
    log.record(frame('old', new Date(Date.now() - 2 * 60 * 60 * 1000)));
    for (const id of ['m1', 'm2', 'm3', 'm4']) log.record(frame(id, new Date()));
    await log.flush();
    expect((await readMessages(station.id)).map((row) => row.messageId)).toEqual(['old', 'm1', 'm2', 'm3', 'm4']);
    await log.prune();
    expect((await readMessages(station.id)).map((row) => row.messageId)).toEqual(['m2', 'm3', 'm4']);
    await log.close();
  });
});

import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { closeDb, getDb } from '@/lib/db/client';
import { chargeStations, connectors, evses, stationCommands, stationTestRuns } from '@/lib/db/schema';
import { TEST_STEP_NAMES, type Availability, type StationCommandKind } from '@/lib/domain/vocabulary';
import type { AuthContext } from '@/lib/auth/context';
import { setAvailability } from '@/lib/services/charge-stations';
import { enqueueStationCommand, reconcileStationSync } from '@/lib/services/ocpp';
import { userContext } from '@/test/fixtures';
import type { Gateway } from '@/lib/ocpp/gateway';
import { connectTestStation, eventually, startCommandGateway, stationSyncState, type StationAnswers } from './commanded-station';
import { makeOcppStation, STATION_PASSWORD } from './support';

const db = () => getDb();
type TestStation = Awaited<ReturnType<typeof connectTestStation>>;
const stations: TestStation[] = [];
const gateways: Gateway[] = [];
let cpoAdmin: AuthContext | undefined;

afterEach(async () => {
  await Promise.all(stations.splice(0).map((s) => s.close()));
  await Promise.all(gateways.splice(0).map((g) => g.close()));
});
afterAll(() => closeDb());

async function gateway(options: Parameters<typeof startCommandGateway>[0] = {}) {
  const started = await startCommandGateway(options);
  gateways.push(started);
  return started;
}

/** A station with a password of its own unless `password` is null (then it is Pending: no commands but its password). */
async function makeStation(connectorsPerEvse: number[], password: string | null = STATION_PASSWORD) {
  const { station, evseUids } = await makeOcppStation({ connectorsPerEvse, password });
  return { station, evseUids, ocppId: station.ocppId };
}

async function connect(gw: Gateway, ocppId: string, options: Parameters<typeof connectTestStation>[2]) {
  const station = await connectTestStation(gw.port, ocppId, { password: STATION_PASSWORD, ...options });
  stations.push(station);
  return station;
}

const openCommands = (stationId: string) =>
  db()
    .select()
    .from(stationCommands)
    .where(and(eq(stationCommands.stationId, stationId), inArray(stationCommands.status, ['QUEUED', 'SENT'])));

const commandsOf = (stationId: string, kind?: StationCommandKind) =>
  db()
    .select()
    .from(stationCommands)
    .where(and(eq(stationCommands.stationId, stationId), kind ? eq(stationCommands.kind, kind) : undefined))
    .orderBy(asc(stationCommands.seq));

/** Until nothing is QUEUED or SENT for the station (the reconciliation after connect has run). */
async function settled(stationId: string, timeoutMs = 5000) {
  const open = await eventually(
    () => openCommands(stationId),
    (rows) => rows.length === 0,
    timeoutMs,
  );
  expect(open).toEqual([]);
}

/** Until the reconciliation after connect or boot has run: its GetConfiguration is done and nothing is open. */
async function reconciled(stationId: string) {
  const finished = await eventually(async () => {
    const gets = await commandsOf(stationId, 'get_configuration');
    return gets.some((c) => c.requestedBy === 'gateway' && c.finishedAt) && (await openCommands(stationId)).length === 0;
  }, Boolean);
  expect(finished).toBe(true);
}

async function syncState(stationId: string, done: (s: Awaited<ReturnType<typeof stationSyncState>>) => boolean) {
  return eventually(() => stationSyncState(stationId), done);
}

/** The product's availability change, as the API makes it (the desired value, its sync state and the command). */
async function setAvailabilityAsProduct(stationId: string, availability: Availability, evseUids?: string[]) {
  cpoAdmin ??= await userContext('cpo_admin');
  await setAvailability({ ctx: cpoAdmin, id: stationId, input: { availability, ...(evseUids ? { evse_uids: evseUids } : {}) } });
}

async function enqueue(stationId: string, kind: StationCommandKind, payload: Record<string, unknown> = {}, expiresAt?: Date) {
  return db().transaction((tx) => enqueueStationCommand(tx, { stationId, kind, payload, requestedBy: 'user:test', expiresAt }));
}

/** A connected station whose connect-time reconciliation has finished. */
async function connectedStation(connectorsPerEvse: number[], answers: StationAnswers = {}, gatewayOptions = {}) {
  const gw = await gateway(gatewayOptions);
  const made = await makeStation(connectorsPerEvse);
  const connectorCount = connectorsPerEvse.reduce((a, b) => a + b, 0);
  const device = await connect(gw, made.ocppId, { connectorCount, answers });
  await reconciled(made.station.id);
  return { gw, device, ...made };
}

const changeAvailabilityCalls = (station: TestStation) =>
  station.received.filter((r) => r.method === 'ChangeAvailability').map((r) => r.params as { connectorId: number; type: string });

describe('availability sync', () => {
  it('Accepted and confirmed by StatusNotification → APPLIED, on the EVSEs and the station', async () => {
    const { device: station, ...made } = await connectedStation([2]);
    const stationId = made.station.id;
    let state = await syncState(stationId, (s) => s.station.availabilitySync === 'APPLIED');
    expect(state.station.availabilitySync).toBe('APPLIED');

    station.received.length = 0;
    await setAvailabilityAsProduct(stationId, 'INOPERATIVE');
    state = await syncState(stationId, (s) => s.station.availabilitySync === 'APPLIED');
    expect(state.station.availabilitySync).toBe('APPLIED');
    expect(state.evses.map((e) => [e.availability, e.availabilitySync])).toEqual([['INOPERATIVE', 'APPLIED']]);
    expect(state.evses[0]!.availabilityAcceptedAt).toBeInstanceOf(Date);
    expect(changeAvailabilityCalls(station)).toEqual([{ connectorId: 0, type: 'Inoperative' }]);
    const statuses = await db().select().from(connectors).where(eq(connectors.evseUid, made.evseUids[0]!));
    expect(statuses.map((c) => c.reportedStatus)).toEqual(['Unavailable', 'Unavailable']);

    const [command] = (await commandsOf(stationId, 'sync_availability')).filter((c) => c.requestedBy !== 'gateway');
    expect(command).toMatchObject({
      status: 'ACCEPTED',
      attempts: 1,
      error: null,
      response: { connectors: { 0: 'ACCEPTED' }, evses: { [made.evseUids[0]!]: 'ACCEPTED' } },
    });
    expect(command!.gatewayId).toBe(made.gw.id);
    expect(command!.sentAt).toBeInstanceOf(Date);
    expect(command!.finishedAt!.getTime()).toBeGreaterThanOrEqual(command!.sentAt!.getTime());
  });

  it('Accepted but not yet confirmed stays PENDING until the status arrives', async () => {
    // The station accepts but does not report (its report comes later, by hand).
    const { device: station, ...made } = await connectedStation([1], { availability: () => 'Accepted' });
    const stationId = made.station.id;
    await station.reportStatus(1, 'Available');
    await syncState(stationId, (s) => s.station.availabilitySync === 'APPLIED');
    station.client.handle('ChangeAvailability', async () => ({ status: 'Accepted' }));
    await setAvailabilityAsProduct(stationId, 'INOPERATIVE');
    await settled(stationId);
    expect((await stationSyncState(stationId)).evses[0]!.availabilitySync).toBe('PENDING');
    await station.reportStatus(1, 'Unavailable');
    const state = await syncState(stationId, (s) => s.station.availabilitySync === 'APPLIED');
    expect(state.evses[0]!.availabilitySync).toBe('APPLIED');
  });

  it('Rejected → REJECTED (connector 0, then every connector refused)', async () => {
    const { device: station, ...made } = await connectedStation([1, 1], {
      availability: (_c, type) => (type === 'Inoperative' ? 'Rejected' : 'Accepted'),
    });
    const stationId = made.station.id;
    station.received.length = 0;
    await setAvailabilityAsProduct(stationId, 'INOPERATIVE');
    const state = await syncState(stationId, (s) => s.station.availabilitySync === 'REJECTED');
    expect(state.station.availabilitySync).toBe('REJECTED');
    expect(state.evses.map((e) => e.availabilitySync)).toEqual(['REJECTED', 'REJECTED']);
    expect(changeAvailabilityCalls(station).map((c) => c.connectorId)).toEqual([0, 1, 2]);
    const [command] = (await commandsOf(stationId, 'sync_availability')).filter((c) => c.requestedBy !== 'gateway');
    expect(command).toMatchObject({ status: 'REJECTED', response: { connectors: { 0: 'REJECTED', 1: 'REJECTED', 2: 'REJECTED' } } });
  });

  it('Scheduled → SCHEDULED, then APPLIED when the connectors report Unavailable', async () => {
    const { device: station, ...made } = await connectedStation([2], {
      availability: (_c, type) => (type === 'Inoperative' ? 'Scheduled' : 'Accepted'),
    });
    const stationId = made.station.id;
    await syncState(stationId, (s) => s.station.availabilitySync === 'APPLIED');
    await setAvailabilityAsProduct(stationId, 'INOPERATIVE');
    let state = await syncState(stationId, (s) => s.station.availabilitySync === 'SCHEDULED');
    expect(state.evses.map((e) => e.availabilitySync)).toEqual(['SCHEDULED']);
    expect(state.station.availabilitySync).toBe('SCHEDULED');

    await station.reportStatus(1, 'Unavailable');
    expect((await stationSyncState(stationId)).evses[0]!.availabilitySync).toBe('SCHEDULED');
    await station.reportStatus(2, 'Unavailable');
    state = await syncState(stationId, (s) => s.station.availabilitySync === 'APPLIED');
    expect(state.evses.map((e) => e.availabilitySync)).toEqual(['APPLIED']);
  });

  it('connector 0 rejected → retried per connector → APPLIED', async () => {
    const { device: station, ...made } = await connectedStation([1, 2], {
      availability: (connectorId) => (connectorId === 0 ? 'Rejected' : 'Accepted'),
    });
    const stationId = made.station.id;
    station.received.length = 0;
    await setAvailabilityAsProduct(stationId, 'INOPERATIVE');
    const state = await syncState(stationId, (s) => s.station.availabilitySync === 'APPLIED');
    expect(state.station.availabilitySync).toBe('APPLIED');
    expect(state.evses.map((e) => e.availabilitySync)).toEqual(['APPLIED', 'APPLIED']);
    expect(changeAvailabilityCalls(station)).toEqual([
      { connectorId: 0, type: 'Inoperative' },
      { connectorId: 1, type: 'Inoperative' },
      { connectorId: 2, type: 'Inoperative' },
      { connectorId: 3, type: 'Inoperative' },
    ]);
  });

  it('an EVSE-level change goes to that EVSE’s connectors only and keeps a sync state per EVSE', async () => {
    // The second EVSE's connectors are numbers 2 and 3; the station refuses connector 3.
    const { device: station, ...made } = await connectedStation([1, 2], {
      availability: (connectorId, type) => (connectorId === 3 && type === 'Inoperative' ? 'Rejected' : 'Accepted'),
    });
    const stationId = made.station.id;
    station.received.length = 0;
    await setAvailabilityAsProduct(stationId, 'INOPERATIVE', [made.evseUids[1]!]);
    let state = await syncState(stationId, (s) => s.station.availabilitySync === 'REJECTED');
    expect(changeAvailabilityCalls(station)).toEqual([
      { connectorId: 2, type: 'Inoperative' },
      { connectorId: 3, type: 'Inoperative' },
    ]);
    expect(state.evses.map((e) => [e.availability, e.availabilitySync])).toEqual([
      ['OPERATIVE', 'APPLIED'],
      ['INOPERATIVE', 'REJECTED'],
    ]);
    expect(state.station.availabilitySync).toBe('REJECTED');

    station.received.length = 0;
    await setAvailabilityAsProduct(stationId, 'INOPERATIVE', [made.evseUids[0]!]);
    state = await syncState(stationId, (s) => s.evses[0]!.availabilitySync === 'APPLIED' && s.evses[0]!.availability === 'INOPERATIVE');
    expect(changeAvailabilityCalls(station)).toEqual([{ connectorId: 1, type: 'Inoperative' }]);
    expect(state.evses.map((e) => e.availabilitySync)).toEqual(['APPLIED', 'REJECTED']);
  });

  it('offline → OFFLINE; a change made offline is sent and APPLIED on reconnect', async () => {
    const { gw, device: station, ...made } = await connectedStation([2]);
    const stationId = made.station.id;
    await station.close();
    let state = await syncState(stationId, (s) => [s.station, ...s.evses].every((row) => row.availabilitySync === 'OFFLINE'));
    expect(state.station.connected).toBe(false);
    expect(state.evses.map((e) => e.availabilitySync)).toEqual(['OFFLINE']);

    await setAvailabilityAsProduct(stationId, 'INOPERATIVE');
    expect((await stationSyncState(stationId)).station.availabilitySync).toBe('OFFLINE');

    const again = await connect(gw, made.ocppId, { connectorCount: 2 });
    state = await syncState(stationId, (s) => s.station.availabilitySync === 'APPLIED');
    expect(state.station.availabilitySync).toBe('APPLIED');
    expect(state.evses.map((e) => [e.availability, e.availabilitySync])).toEqual([['INOPERATIVE', 'APPLIED']]);
    expect(changeAvailabilityCalls(again)).toContainEqual({ connectorId: 0, type: 'Inoperative' });
    await settled(stationId);
  });

  it('a station that forgets Inoperative when it reboots gets it again on boot', async () => {
    const { device: station, ...made } = await connectedStation([1]);
    const stationId = made.station.id;
    await setAvailabilityAsProduct(stationId, 'INOPERATIVE');
    await syncState(stationId, (s) => s.station.availabilitySync === 'APPLIED' && s.station.availability === 'INOPERATIVE');
    await settled(stationId);

    // The reboot: the station comes back Available and boots.
    station.received.length = 0;
    await station.reportStatus(1, 'Available');
    await station.boot();
    const state = await syncState(stationId, (s) => s.station.availabilitySync === 'APPLIED' && station.statuses.get(1) === 'Unavailable');
    expect(changeAvailabilityCalls(station)).toEqual([{ connectorId: 0, type: 'Inoperative' }]);
    expect(state.station.availabilitySync).toBe('APPLIED');
    expect(station.statuses.get(1)).toBe('Unavailable');
  });
});

describe('configuration sync', () => {
  it('ChangeConfiguration per key: APPLIED, REJECTED, REBOOT_REQUIRED, NOT_SUPPORTED; GetConfiguration fills reported_configuration', async () => {
    const gw = await gateway();
    const made = await makeStation([1]);
    const stationId = made.station.id;
    await db()
      .update(chargeStations)
      .set({ configuration: { HeartbeatInterval: '120', MeterValueSampleInterval: '30', WebSocketPingInterval: '60', VendorThing: 'x' } })
      .where(eq(chargeStations.id, stationId));
    const keys: Record<string, string> = {
      HeartbeatInterval: '300',
      MeterValueSampleInterval: '60',
      WebSocketPingInterval: '0',
      AuthorizationKey: 'secret',
    };
    const station = await connect(gw, made.ocppId, {
      connectorCount: 1,
      keys,
      answers: {
        configuration: (key, value) => {
          if (key === 'MeterValueSampleInterval') return 'Rejected';
          if (key === 'VendorThing') return 'NotSupported';
          if (key === 'WebSocketPingInterval') {
            // Stored now, in effect after a reboot.
            keys[key] = value;
            return 'RebootRequired';
          }
          return 'Accepted';
        },
      },
    });
    await reconciled(stationId);
    const [row] = await db().select().from(chargeStations).where(eq(chargeStations.id, stationId));
    expect(station.received.filter((r) => r.method === 'ChangeConfiguration').map((r) => r.params)).toEqual([
      { key: 'HeartbeatInterval', value: '120' },
      { key: 'MeterValueSampleInterval', value: '30' },
      { key: 'VendorThing', value: 'x' },
      { key: 'WebSocketPingInterval', value: '60' },
    ]);
    const [sync] = await commandsOf(stationId, 'sync_configuration');
    expect(sync).toMatchObject({
      status: 'REJECTED',
      response: {
        keys: {
          HeartbeatInterval: 'ACCEPTED',
          MeterValueSampleInterval: 'REJECTED',
          VendorThing: 'NOT_SUPPORTED',
          WebSocketPingInterval: 'REBOOT_REQUIRED',
        },
      },
    });
    // WebSocketPingInterval answered RebootRequired, and GetConfiguration then reports its value: APPLIED.
    expect(row!.configurationSync).toEqual({
      HeartbeatInterval: 'APPLIED',
      MeterValueSampleInterval: 'REJECTED',
      VendorThing: 'NOT_SUPPORTED',
      WebSocketPingInterval: 'APPLIED',
    });
    expect(row!.reportedConfiguration).toEqual({
      HeartbeatInterval: { value: '120', readonly: false },
      MeterValueSampleInterval: { value: '60', readonly: false },
      WebSocketPingInterval: { value: '60', readonly: false },
      AuthorizationKey: { value: '***', readonly: false },
    });
    expect(row!.reportedConfigurationAt).toBeInstanceOf(Date);
    expect(JSON.stringify(row)).not.toContain('secret');
  });

  it('REBOOT_REQUIRED stays until GetConfiguration reports the value', async () => {
    const { device: station, ...made } = await connectedStation([1]);
    const stationId = made.station.id;
    const keys = station.keys;
    station.client.handle('ChangeConfiguration', async () => ({ status: 'RebootRequired' }));
    await db()
      .update(chargeStations)
      .set({ configuration: { ConnectionTimeOut: '90' } })
      .where(eq(chargeStations.id, stationId));
    await enqueue(stationId, 'sync_configuration', { keys: ['ConnectionTimeOut'] });
    await settled(stationId);
    expect((await stationSyncState(stationId)).station.configurationSync).toEqual({ ConnectionTimeOut: 'REBOOT_REQUIRED' });

    keys.ConnectionTimeOut = '90';
    await enqueue(stationId, 'get_configuration', { keys: ['ConnectionTimeOut'] });
    await settled(stationId);
    const { station: row } = await stationSyncState(stationId);
    expect(row.configurationSync).toEqual({ ConnectionTimeOut: 'APPLIED' });
    expect(row.reportedConfiguration).toEqual({ ConnectionTimeOut: { value: '90', readonly: false } });
  });
});

describe('delivery', () => {
  it('one call in flight per station: two queued commands never overlap', async () => {
    const made = await connectedStation([1], { delayMs: { Reset: 300, TriggerMessage: 300 } });
    const stationId = made.station.id;
    await db().transaction(async (tx) => {
      await enqueueStationCommand(tx, { stationId, kind: 'reset', payload: { type: 'SOFT' }, requestedBy: 'user:test' });
      await enqueueStationCommand(tx, { stationId, kind: 'trigger_message', payload: { message: 'Heartbeat' }, requestedBy: 'user:test' });
    });
    const sentTogether = await eventually(
      async () => (await openCommands(stationId)).filter((c) => c.status === 'SENT').length,
      (n) => n > 1,
      800,
    );
    expect(sentTogether).toBeLessThanOrEqual(1);
    await settled(stationId);
    const [reset] = await commandsOf(stationId, 'reset');
    const [trigger] = await commandsOf(stationId, 'trigger_message');
    expect(reset).toMatchObject({ status: 'ACCEPTED', response: { status: 'ACCEPTED' } });
    expect(trigger).toMatchObject({ status: 'ACCEPTED', response: { status: 'ACCEPTED' } });
    expect(trigger!.sentAt!.getTime()).toBeGreaterThanOrEqual(reset!.finishedAt!.getTime());
  });

  it('without NOTIFY (poll only) a command is still delivered', async () => {
    const { device: station, ...made } = await connectedStation([1], {}, { listen: false, pollIntervalMs: 100 });
    const command = await enqueue(made.station.id, 'reset', { type: 'HARD' });
    const [row] = await eventually(
      () => db().select().from(stationCommands).where(eq(stationCommands.id, command.id)),
      ([r]) => r!.status === 'ACCEPTED',
    );
    expect(row).toMatchObject({ status: 'ACCEPTED', attempts: 1 });
    expect(station.received).toContainEqual({ method: 'Reset', params: { type: 'Hard' } });
  });

  it('a command whose expires_at passed before it could be sent → TIMED_OUT, never sent', async () => {
    const gw = await gateway();
    const made = await makeStation([1]);
    const command = await enqueue(made.station.id, 'reset', { type: 'SOFT' }, new Date(Date.now() - 1000));
    const station = await connect(gw, made.ocppId, { connectorCount: 1 });
    await reconciled(made.station.id);
    const [row] = await db().select().from(stationCommands).where(eq(stationCommands.id, command.id));
    expect(row).toMatchObject({ status: 'TIMED_OUT', attempts: 0, sentAt: null, error: 'expired before it could be sent' });
    expect(row!.finishedAt).toBeInstanceOf(Date);
    expect(station.received.map((r) => r.method)).not.toContain('Reset');
  });

  it('no answer within the call timeout → TIMED_OUT, and the next command still goes', async () => {
    const { device: station, ...made } = await connectedStation([1], { silentOn: ['Reset'] }, { callTimeoutMs: 300 });
    const stationId = made.station.id;
    const reset = await enqueue(stationId, 'reset', { type: 'SOFT' });
    const trigger = await enqueue(stationId, 'trigger_message', { message: 'StatusNotification', connector: 1 });
    await settled(stationId);
    const rows = await db()
      .select()
      .from(stationCommands)
      .where(inArray(stationCommands.id, [reset.id, trigger.id]));
    expect(rows.find((r) => r.id === reset.id)).toMatchObject({
      status: 'TIMED_OUT',
      attempts: 1,
      error: 'no answer within the call timeout',
    });
    expect(rows.find((r) => r.id === trigger.id)).toMatchObject({ status: 'ACCEPTED' });
    expect(station.received.map((r) => r.method)).toContain('TriggerMessage');
  });

  it('a command left SENT by a connection that is gone → FAILED when the station connects again', async () => {
    const gw = await gateway();
    const made = await makeStation([1]);
    const [lost] = await db()
      .insert(stationCommands)
      .values({
        stationId: made.station.id,
        kind: 'reset',
        payload: { type: 'SOFT' },
        status: 'SENT',
        attempts: 1,
        requestedBy: 'user:test',
        gatewayId: 'gone:1:x',
        sentAt: new Date(),
      })
      .returning();
    await connect(gw, made.ocppId, { connectorCount: 1 });
    await reconciled(made.station.id);
    const [row] = await db().select().from(stationCommands).where(eq(stationCommands.id, lost!.id));
    // Failed either when the station connects again or, if first, by a gateway's sweep of dead gateways.
    expect(row).toMatchObject({
      status: 'FAILED',
      error: expect.stringMatching(/^(connection lost before the answer|the gateway holding the station stopped before the answer)$/),
      gatewayId: 'gone:1:x',
    });
    // The station's slot is free again: its reconciliation went through (APPLIED once the
    // StatusNotification after the ChangeAvailability answer is stored).
    const state = await syncState(made.station.id, (s) => s.station.availabilitySync === 'APPLIED');
    expect(state.station.availabilitySync).toBe('APPLIED');
  });

  it('a station that is not accepted gets only its password: AuthorizationKey sent, hash stored, socket closed 1012', async () => {
    const gw = await gateway();
    const made = await makeStation([1], null);
    const stationId = made.station.id;
    const station = await connect(gw, made.ocppId, { connectorCount: 1, password: undefined });
    const reset = await enqueue(stationId, 'reset', { type: 'SOFT' });
    const closed = station.closed();
    const provision = await enqueue(stationId, 'provision_password');
    const [event] = (await closed) as [{ code: number }];
    expect(event.code).toBe(1012);

    const key = station.keys.AuthorizationKey!;
    expect(key).toMatch(/^[0-9a-f]{40}$/);
    const [row] = await db().select().from(chargeStations).where(eq(chargeStations.id, stationId));
    expect(await verifyPassword(row!.ocppPasswordHash!, key)).toBe(true);
    const commands = await commandsOf(stationId);
    expect(commands.find((c) => c.id === provision.id)).toMatchObject({
      status: 'ACCEPTED',
      response: { key: 'AuthorizationKey', value: '***', status: 'ACCEPTED' },
    });
    expect(commands.find((c) => c.id === reset.id)!.status).toBe('QUEUED');
    expect(station.received.map((r) => r.method)).toEqual(['ChangeConfiguration']);
    expect(JSON.stringify([row, commands])).not.toContain(key);
  });
});

describe('commissioning hook', () => {
  it('the poll claims a RUNNING test run of a station this gateway holds and runs its steps', async () => {
    const { gw, ...made } = await connectedStation([2]);
    const stationId = made.station.id;
    const steps = TEST_STEP_NAMES.map((name) => ({ name, status: 'PENDING' }));
    const [run] = await db().insert(stationTestRuns).values({ stationId, steps, requestedBy: 'user:test' }).returning();
    const [finished] = await eventually(
      () => db().select().from(stationTestRuns).where(eq(stationTestRuns.id, run!.id)),
      ([row]) => row!.status !== 'RUNNING',
    );
    expect(finished).toMatchObject({ status: 'PASSED', gatewayId: gw.id });
    expect(finished!.steps.map((step) => [step.name, step.status])).toEqual([
      ['connected', 'PASSED'],
      ['boot_accepted', 'PASSED'],
      ['heartbeat', 'PASSED'],
      ['connector_status', 'PASSED'],
      ['configuration', 'PASSED'],
      ['remote_start_stop', 'SKIPPED'],
    ]);
  });
});

describe('failures', () => {
  it('a CALLERROR → FAILED with the station’s error', async () => {
    // The test station has no RemoteStartTransaction handler: ocpp-rpc answers NotImplemented.
    const { device: station, ...made } = await connectedStation([1]);
    const command = await enqueue(made.station.id, 'remote_start', { connector: 1, id_tag: 'TEST' });
    await settled(made.station.id);
    const [row] = await db().select().from(stationCommands).where(eq(stationCommands.id, command.id));
    expect(row).toMatchObject({ status: 'FAILED', response: null, attempts: 1 });
    expect(row!.error).toMatch(/^the station answered with an error: NotImplemented/);
    expect(station.client.state).toBe(1);
  });

  it('the socket lost mid-call → FAILED "connection lost before the answer"', async () => {
    const { device: station, ...made } = await connectedStation([1], { silentOn: ['Reset'] });
    const command = await enqueue(made.station.id, 'reset', { type: 'HARD' });
    await eventually(async () => station.received.some((r) => r.method === 'Reset'), Boolean);
    await station.close();
    const [row] = await eventually(
      () => db().select().from(stationCommands).where(eq(stationCommands.id, command.id)),
      ([r]) => r!.status !== 'SENT',
    );
    expect(row).toMatchObject({ status: 'FAILED', error: 'connection lost before the answer' });
  });
});

describe('reconciliation', () => {
  it('queues station-wide availability, all desired keys and GetConfiguration, each once while still queued', async () => {
    const made = await makeStation([1, 1]);
    const stationId = made.station.id;
    await db()
      .update(chargeStations)
      .set({ configuration: { B: '2', A: '1' } })
      .where(eq(chargeStations.id, stationId));
    expect(await reconcileStationSync({ stationId })).toEqual([
      { kind: 'sync_availability', payload: {} },
      { kind: 'sync_configuration', payload: { keys: ['A', 'B'] } },
      { kind: 'get_configuration', payload: {} },
    ]);
    const state = await stationSyncState(stationId);
    expect(state.station).toMatchObject({ availabilitySync: 'PENDING', configurationSync: { A: 'PENDING', B: 'PENDING' } });
    expect(state.evses.map((e) => e.availabilitySync)).toEqual(['PENDING', 'PENDING']);
    expect(await reconcileStationSync({ stationId })).toEqual([]);
    expect((await commandsOf(stationId)).map((c) => [c.kind, c.requestedBy, c.status])).toEqual([
      ['sync_availability', 'gateway', 'QUEUED'],
      ['sync_configuration', 'gateway', 'QUEUED'],
      ['get_configuration', 'gateway', 'QUEUED'],
    ]);
  });

  it('per EVSE when an EVSE wants another availability than the station', async () => {
    const made = await makeStation([1, 1]);
    const stationId = made.station.id;
    await db().update(evses).set({ availability: 'INOPERATIVE' }).where(eq(evses.uid, made.evseUids[1]!));
    expect(await reconcileStationSync({ stationId })).toEqual([
      { kind: 'sync_availability', payload: { evse_uids: [made.evseUids[0]] } },
      { kind: 'sync_availability', payload: { evse_uids: [made.evseUids[1]] } },
      { kind: 'get_configuration', payload: {} },
    ]);
  });
});

// The product's gateway against a simulated station, one test per public OCPP 1.6 central-system
// test case it mirrors (OCA Compliancy Testing Tool, "System Under Test: Central System"). Where a
// case has no such number the name says what it covers. Real sockets, the real gateway, the test
// database; the station is lib/simulator's, behaving as hardware does.
import { eq, inArray } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { chargeStations, connectors, evses, stationCommands, stationTransactions } from '@/lib/db/schema';
import type { Availability, StationCommandKind } from '@/lib/domain/vocabulary';
import { createDispatcher } from '@/lib/ocpp/dispatcher';
import type { Gateway } from '@/lib/ocpp/gateway';
import { enqueueStationCommand } from '@/lib/services/ocpp';
import { SimulatedStation, type SimulatedStationOptions } from '@/lib/simulator';
import { eventually, makeOcppStation, readEvses, readStation, readStationByOcppId, startTestGateway, uniqueOcppId } from './support';

let gateway: Gateway;
let rejecting: Gateway;
const stations: SimulatedStation[] = [];

beforeAll(async () => {
  [gateway, rejecting] = await Promise.all([
    startTestGateway({ dispatcher: createDispatcher, pollIntervalMs: 100 }),
    startTestGateway({ unknownStations: 'reject', listen: false }),
  ]);
});

afterEach(async () => {
  await Promise.all(stations.splice(0).map((s) => s.disconnect()));
});

const url = (g: Gateway) => `ws://127.0.0.1:${g.port}/ocpp`;

function simulate(options: Omit<SimulatedStationOptions, 'url'>, on: Gateway = gateway) {
  const station = new SimulatedStation({ url: url(on), maxIntervalMs: 300, reconnectDelayMs: 50, rebootDelayMs: 50, ...options });
  stations.push(station);
  return station;
}

/** A station row with two EVSEs of one connector each and a password, and its simulated hardware. */
async function provisionedStation(options: Partial<SimulatedStationOptions> = {}) {
  const { station, evseUids, password } = await makeOcppStation({ connectorsPerEvse: [1, 1] });
  const simulated = simulate({ ocppId: station.ocppId, password, connectors: 2, ...options });
  return { row: station, evseUids, simulated };
}

/** Connects the station and resolves once it booted Accepted and reported every connector. */
async function online(simulated: SimulatedStation) {
  const lastStatus = simulated.waitFor('status', { match: (s) => s.connector === simulated.connectorCount });
  await simulated.connect();
  await lastStatus;
}

const FINISHED = ['ACCEPTED', 'REJECTED', 'FAILED', 'TIMED_OUT'];

/** Queues a command as the product does and resolves with its row once the gateway finished it. */
async function command(stationId: string, kind: StationCommandKind, payload: Record<string, unknown> = {}) {
  const queued = await getDb().transaction((tx) =>
    enqueueStationCommand(tx, { stationId, kind, payload, requestedBy: 'conformance-test' }),
  );
  return eventually(
    async () => {
      const [row] = await getDb().select().from(stationCommands).where(eq(stationCommands.id, queued.id));
      return row && FINISHED.includes(row.status) ? row : null;
    },
    10_000,
    `${kind} finished`,
  );
}

/** A person's availability change for the whole station, as the product writes it. */
async function desireAvailability(stationId: string, availability: Availability) {
  await getDb().transaction(async (tx) => {
    await tx.update(chargeStations).set({ availability, availabilitySync: 'PENDING' }).where(eq(chargeStations.id, stationId));
    await tx.update(evses).set({ availability, availabilitySync: 'PENDING' }).where(eq(evses.stationId, stationId));
  });
  return command(stationId, 'sync_availability');
}

async function reportedStatuses(evseUids: string[]) {
  const rows = await getDb().select().from(connectors).where(inArray(connectors.evseUid, evseUids));
  return rows.map((c) => c.reportedStatus);
}

describe('OCPP 1.6 central-system conformance', () => {
  it('TC_001_CSMS Cold Boot Charge Point: boot Accepted, a status per connector and connector 0, heartbeats', async () => {
    const { row, evseUids, simulated } = await provisionedStation({
      identity: { vendor: 'Alfen', model: 'Eve Double Pro', serialNumber: 'ACE0100001', firmwareVersion: '6.4.0' },
    });
    const accepted = simulated.waitFor('accepted');
    const heartbeat = simulated.waitFor('heartbeat');
    await simulated.connect();
    expect(await accepted).toEqual({ status: 'Accepted', interval: 300 });
    await heartbeat;
    const stored = await eventually(
      async () => {
        const r = await readStation(row.id);
        return r.lastHeartbeatAt && r.status === 'AVAILABLE' ? r : null;
      },
      5000,
      'boot, status and heartbeat stored',
    );
    expect(stored).toMatchObject({ connected: true, gatewayId: gateway.id, firmwareVersion: '6.4.0' });
    expect(stored.bootReport).toMatchObject({
      vendor: 'Alfen',
      model: 'Eve Double Pro',
      serial_number: 'ACE0100001',
      iccid: expect.any(String),
    });
    expect(await reportedStatuses(evseUids)).toEqual(['Available', 'Available']);
  });

  it('Heartbeat: every heartbeat is answered and last_heartbeat_at follows it', async () => {
    const { row, simulated } = await provisionedStation({ maxIntervalMs: 100 });
    const accepted = simulated.waitFor('accepted');
    await simulated.connect();
    await accepted;
    await simulated.waitFor('heartbeat');
    const first = await eventually(async () => (await readStation(row.id)).lastHeartbeatAt, 3000, 'a heartbeat stored');
    expect(first.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it('StatusNotification: a Faulted connector makes its EVSE and the station OUTOFORDER', async () => {
    const { row, simulated } = await provisionedStation();
    const lastStatus = simulated.waitFor('status', { match: (s) => s.connector === 2 });
    await simulated.connect();
    await lastStatus;
    const faulted = simulated.waitFor('status', { match: (s) => s.status === 'Faulted' });
    simulated.setMisbehaviour({ faultedConnector: 1 });
    await faulted;
    await eventually(async () => (await readStation(row.id)).status === 'OUTOFORDER', 3000, 'station OUTOFORDER');
    expect((await readEvses(row.id)).map((e) => e.status)).toEqual(['OUTOFORDER', 'AVAILABLE']);
  });

  it('TC_085_CSMS Basic Authentication - Valid username/password combination', async () => {
    const { row, simulated } = await provisionedStation();
    const accepted = simulated.waitFor('accepted');
    await simulated.connect();
    await accepted;
    expect(gateway.sessions.get(row.id)?.accepted).toBe(true);
  });

  it('Basic Authentication - invalid password: the handshake is refused with 401', async () => {
    const { station } = await makeOcppStation();
    const simulated = simulate({ ocppId: station.ocppId, password: 'not-the-station-password' });
    await expect(simulated.connect()).rejects.toMatchObject({ code: 401 });
    expect(await readStation(station.id)).toMatchObject({ connected: false });
  });

  it('Unknown station (OCPP_UNKNOWN_STATIONS=pool): admitted, put in the pool from its BootNotification, boot Pending', async () => {
    const ocppId = uniqueOcppId('SIM-POOL');
    const simulated = simulate({ ocppId, identity: { vendor: 'ABB', model: 'Terra AC', serialNumber: 'ABB-1' } });
    const pending = simulated.waitFor('pending');
    await simulated.connect();
    expect(await pending).toEqual({ status: 'Pending', interval: 60 });
    const pooled = await eventually(() => readStationByOcppId(ocppId), 3000, 'pool row');
    expect(pooled).toMatchObject({ tenantId: null, locationId: null, vendor: 'ABB', model: 'Terra AC', connected: true });
  });

  it('Unknown station (OCPP_UNKNOWN_STATIONS=reject): the handshake is refused with 401', async () => {
    const ocppId = uniqueOcppId('SIM-POOL');
    const simulated = simulate({ ocppId }, rejecting);
    await expect(simulated.connect()).rejects.toMatchObject({ code: 401 });
    expect(await readStationByOcppId(ocppId)).toBeUndefined();
  });

  it('Change Availability of the whole station: Accepted, each connector reports Unavailable, the sync state is APPLIED', async () => {
    const { row, simulated } = await provisionedStation();
    await online(simulated);
    const unavailable = simulated.waitFor('status', { match: (s) => s.connector === 2 && s.status === 'Unavailable' });
    const done = await desireAvailability(row.id, 'INOPERATIVE');
    expect(done).toMatchObject({ status: 'ACCEPTED', kind: 'sync_availability' });
    await unavailable;
    expect([0, 1, 2].map((c) => simulated.availabilityOf(c))).toEqual(['Inoperative', 'Inoperative', 'Inoperative']);
    await eventually(async () => (await readStation(row.id)).availabilitySync === 'APPLIED', 5000, 'station APPLIED');
    expect((await readEvses(row.id)).map((e) => e.availabilitySync)).toEqual(['APPLIED', 'APPLIED']);
  });

  it('TC_021_CSMS Change/set Configuration: the desired key reaches the station and is APPLIED', async () => {
    const { row, simulated } = await provisionedStation();
    await online(simulated);
    await getDb()
      .update(chargeStations)
      .set({ configuration: { MeterValueSampleInterval: '30' }, configurationSync: { MeterValueSampleInterval: 'PENDING' } })
      .where(eq(chargeStations.id, row.id));
    expect(await command(row.id, 'sync_configuration', { keys: ['MeterValueSampleInterval'] })).toMatchObject({ status: 'ACCEPTED' });
    expect(simulated.configuration.get('MeterValueSampleInterval')).toBe('30');
    expect((await readStation(row.id)).configurationSync).toEqual({ MeterValueSampleInterval: 'APPLIED' });
  });

  it('TC_019_1_CSMS Retrieve all configuration keys: reported_configuration holds what the station reports, no AuthorizationKey', async () => {
    const { row, simulated } = await provisionedStation();
    await online(simulated);
    expect(await command(row.id, 'get_configuration')).toMatchObject({ status: 'ACCEPTED' });
    const reported = (await readStation(row.id)).reportedConfiguration!;
    expect(reported).toMatchObject({
      HeartbeatInterval: { value: '300', readonly: false },
      NumberOfConnectors: { value: '2', readonly: true },
      SupportedFeatureProfiles: { readonly: true },
    });
    expect(reported).not.toHaveProperty('AuthorizationKey');
  });

  it('TC_011_1_CSMS Remote Start Charging Session – Remote Start First: Authorize, StartTransaction, a transaction row', async () => {
    const { row, simulated } = await provisionedStation();
    await online(simulated);
    const started = simulated.waitFor('transaction-started');
    expect(await command(row.id, 'remote_start', { connector: 1, id_tag: 'CONFORMANCE' })).toMatchObject({ status: 'ACCEPTED' });
    const { transactionId } = await started;
    const [transaction] = await getDb().select().from(stationTransactions).where(eq(stationTransactions.id, transactionId));
    expect(transaction).toMatchObject({ stationId: row.id, connectorNumber: 1, idTag: 'CONFORMANCE', meterStart: 1000, stoppedAt: null });
  });

  it('TC_012_CSMS Remote Stop Charging Session: RemoteStop Accepted, StopTransaction closes the transaction row', async () => {
    const { row, simulated } = await provisionedStation();
    await online(simulated);
    const started = simulated.waitFor('transaction-started');
    await command(row.id, 'remote_start', { connector: 2, id_tag: 'CONFORMANCE' });
    const { transactionId } = await started;
    const stopped = simulated.waitFor('transaction-stopped');
    expect(await command(row.id, 'remote_stop', { transaction_id: transactionId })).toMatchObject({ status: 'ACCEPTED' });
    await stopped;
    const transaction = await eventually(
      async () => {
        const [t] = await getDb().select().from(stationTransactions).where(eq(stationTransactions.id, transactionId));
        return t?.stoppedAt ? t : null;
      },
      3000,
      'transaction stopped',
    );
    expect(transaction.meterStop).toBeGreaterThanOrEqual(transaction.meterStart);
  });

  it('TC_013_CSMS Hard Reset Without transaction: Accepted, the station reboots and boots again', async () => {
    const { row, simulated } = await provisionedStation();
    await online(simulated);
    const bootedBefore = (await readStation(row.id)).lastBootAt!;
    const rebooted = simulated.waitFor('accepted');
    expect(await command(row.id, 'reset', { type: 'HARD' })).toMatchObject({ status: 'ACCEPTED' });
    await rebooted;
    await eventually(async () => (await readStation(row.id)).lastBootAt! > bootedBefore, 3000, 'a new boot stored');
  });

  it('TC_014_CSMS Soft Reset Without Transaction: Accepted, the station reboots and boots again', async () => {
    const { row, simulated } = await provisionedStation();
    await online(simulated);
    const disconnected = simulated.waitFor('disconnected');
    const rebooted = simulated.waitFor('accepted');
    expect(await command(row.id, 'reset', { type: 'SOFT' })).toMatchObject({ status: 'ACCEPTED' });
    await disconnected;
    await rebooted;
    await eventually(async () => (await readStation(row.id)).connected, 3000, 'connected again');
  });

  it('TC_054_CSMS Trigger Message: Heartbeat and StatusNotification are sent on request', async () => {
    const { row, simulated } = await provisionedStation({ maxIntervalMs: 60_000 });
    await online(simulated);
    const heartbeat = simulated.waitFor('heartbeat');
    expect(await command(row.id, 'trigger_message', { message: 'Heartbeat' })).toMatchObject({ status: 'ACCEPTED' });
    await heartbeat;
    const status = simulated.waitFor('status', { match: (s) => s.connector === 1 });
    expect(await command(row.id, 'trigger_message', { message: 'StatusNotification', connector: 1 })).toMatchObject({ status: 'ACCEPTED' });
    await status;
  });

  it('TC_073_CSMS Update Charge Point Password for HTTP Basic Authentication: AuthorizationKey, reconnect with it, boot Accepted', async () => {
    const { station } = await makeOcppStation({ password: null, connectorsPerEvse: [1] });
    const simulated = simulate({ ocppId: station.ocppId, connectors: 1 });
    const pending = simulated.waitFor('pending');
    await simulated.connect();
    await pending;
    const provisioned = simulated.waitFor('provisioned');
    const accepted = simulated.waitFor('accepted');
    expect(await command(station.id, 'provision_password')).toMatchObject({
      status: 'ACCEPTED',
      response: { key: 'AuthorizationKey', value: '***' },
    });
    const { password } = await provisioned;
    expect(password).toMatch(/^[0-9a-f]{40}$/);
    await accepted;
    expect(simulated.password).toBe(password);
    expect((await readStation(station.id)).ocppPasswordHash).toMatch(/^\$argon2id\$/);
    expect(gateway.sessions.get(station.id)?.accepted).toBe(true);
  });
});

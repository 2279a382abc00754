// The product's gateway against a simulated station, one test per public OCPP 1.6 central-system
// test case it mirrors (OCA Compliancy Testing Tool, "System Under Test: Central System"). Where a
// case has no such number the name says what it covers. Real sockets, the real gateway, the test
// database; the station is lib/simulator's, behaving as hardware does.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '@/lib/ocpp/gateway';
import { SimulatedStation, type SimulatedStationOptions } from '@/lib/simulator';
import { eventually, makeOcppStation, readEvses, readStation, readStationByOcppId, startTestGateway, uniqueOcppId } from './support';
import { getDb } from '@/lib/db/client';
import { connectors } from '@/lib/db/schema';
import { inArray } from 'drizzle-orm';

let gateway: Gateway;
let rejecting: Gateway;
const stations: SimulatedStation[] = [];

beforeAll(async () => {
  [gateway, rejecting] = await Promise.all([startTestGateway(), startTestGateway({ unknownStations: 'reject', listen: false })]);
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
});

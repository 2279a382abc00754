import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedStation, type SimulatedStationOptions } from '.';
import { startCentralSystem, type CentralSystem } from './test-central-system';

let system: CentralSystem;
const stations: SimulatedStation[] = [];

afterEach(async () => {
  await Promise.all(stations.splice(0).map((s) => s.disconnect()));
  await system?.close();
});

/** A station of two connectors, booted and reported, on a fresh central system. */
async function booted(options: Partial<SimulatedStationOptions> = {}) {
  system = await startCentralSystem();
  const s = new SimulatedStation({
    url: system.url,
    ocppId: `SIM-${crypto.randomUUID().slice(0, 8)}`,
    maxIntervalMs: 200,
    reconnectDelayMs: 50,
    scheduledDelayMs: 100,
    ...options,
  });
  stations.push(s);
  const lastStatus = system.nextCall(s.ocppId, 'StatusNotification', (p) => p.connectorId === 2);
  await s.connect();
  await lastStatus;
  return s;
}

const status = (connectorId: number, value: string) => (p: Record<string, unknown>) => p.connectorId === connectorId && p.status === value;

async function changeAvailability(s: SimulatedStation, connectorId: number, type: 'Operative' | 'Inoperative') {
  return ((await system.call(s.ocppId, 'ChangeAvailability', { connectorId, type })) as { status: string }).status;
}

async function remoteStart(s: SimulatedStation, connectorId: number) {
  const started = s.waitFor('transaction-started');
  expect(await system.call(s.ocppId, 'RemoteStartTransaction', { connectorId, idTag: 'COMMISSION' })).toEqual({ status: 'Accepted' });
  return started;
}

describe('ChangeAvailability', () => {
  it('connector 0 makes the station and every connector Unavailable, and Operative again', async () => {
    const s = await booted();
    const reported = Promise.all([0, 1, 2].map((c) => system.nextCall(s.ocppId, 'StatusNotification', status(c, 'Unavailable'))));
    expect(await changeAvailability(s, 0, 'Inoperative')).toBe('Accepted');
    await reported;
    const back = system.nextCall(s.ocppId, 'StatusNotification', status(2, 'Available'));
    expect(await changeAvailability(s, 0, 'Operative')).toBe('Accepted');
    await back;
    expect([0, 1, 2].map((c) => s.statusOf(c))).toEqual(['Available', 'Available', 'Available']);
  });

  it('a connector changes alone', async () => {
    const s = await booted();
    const reported = system.nextCall(s.ocppId, 'StatusNotification', status(2, 'Unavailable'));
    expect(await changeAvailability(s, 2, 'Inoperative')).toBe('Accepted');
    await reported;
    expect([0, 1, 2].map((c) => s.statusOf(c))).toEqual(['Available', 'Available', 'Unavailable']);
  });

  it('is Scheduled while a transaction runs on the connector and applied when it stops', async () => {
    const s = await booted();
    const { transactionId } = await remoteStart(s, 1);
    expect(await changeAvailability(s, 1, 'Inoperative')).toBe('Scheduled');
    expect(s.statusOf(1)).toBe('Charging');
    const unavailable = system.nextCall(s.ocppId, 'StatusNotification', status(1, 'Unavailable'));
    expect(await system.call(s.ocppId, 'RemoteStopTransaction', { transactionId })).toEqual({ status: 'Accepted' });
    await unavailable;
    expect(s.availabilityOf(1)).toBe('Inoperative');
  });

  it('misbehaving: rejects every change', async () => {
    const s = await booted({ misbehaviour: { availability: 'reject' } });
    expect(await changeAvailability(s, 0, 'Inoperative')).toBe('Rejected');
    expect(await changeAvailability(s, 1, 'Inoperative')).toBe('Rejected');
    expect(s.availabilityOf(1)).toBe('Operative');
  });

  it('misbehaving: schedules every change and applies it a little later', async () => {
    const s = await booted({ misbehaviour: { availability: 'schedule' } });
    const unavailable = system.nextCall(s.ocppId, 'StatusNotification', status(2, 'Unavailable'));
    expect(await changeAvailability(s, 2, 'Inoperative')).toBe('Scheduled');
    expect(s.availabilityOf(2)).toBe('Operative');
    await unavailable;
    expect(s.availabilityOf(2)).toBe('Inoperative');
  });

  it('misbehaving: rejects connector 0 but accepts each connector', async () => {
    const s = await booted({ misbehaviour: { rejectConnectorZero: true } });
    expect(await changeAvailability(s, 0, 'Inoperative')).toBe('Rejected');
    const reported = Promise.all([1, 2].map((c) => system.nextCall(s.ocppId, 'StatusNotification', status(c, 'Unavailable'))));
    expect(await changeAvailability(s, 1, 'Inoperative')).toBe('Accepted');
    expect(await changeAvailability(s, 2, 'Inoperative')).toBe('Accepted');
    await reported;
  });

  it('misbehaviour switched at run time: goes Faulted on a connector and reports it, also when triggered', async () => {
    const s = await booted();
    const faulted = system.nextCall(s.ocppId, 'StatusNotification', status(1, 'Faulted'));
    s.setMisbehaviour({ faultedConnector: 1 });
    expect((await faulted).params.errorCode).toBe('GroundFailure');
    const triggered = Promise.all([0, 1, 2].map((c) => system.nextCall(s.ocppId, 'StatusNotification', (p) => p.connectorId === c)));
    expect(await system.call(s.ocppId, 'TriggerMessage', { requestedMessage: 'StatusNotification' })).toEqual({ status: 'Accepted' });
    expect((await triggered).map((c) => c.params.status)).toEqual(['Available', 'Faulted', 'Available']);
    expect(await system.call(s.ocppId, 'RemoteStartTransaction', { connectorId: 1, idTag: 'X' })).toEqual({ status: 'Rejected' });
  });
});

describe('remote start and stop', () => {
  it('Authorize, StartTransaction with meterStart, MeterValues, then StopTransaction on RemoteStop', async () => {
    const s = await booted();
    const authorize = system.nextCall(s.ocppId, 'Authorize');
    const start = system.nextCall(s.ocppId, 'StartTransaction');
    const meter = system.nextCall(s.ocppId, 'MeterValues');
    const charging = system.nextCall(s.ocppId, 'StatusNotification', status(2, 'Charging'));
    const { transactionId, connector } = await remoteStart(s, 2);
    expect((await authorize).params).toEqual({ idTag: 'COMMISSION' });
    expect((await start).params).toMatchObject({ connectorId: 2, idTag: 'COMMISSION', meterStart: 2000 });
    expect((await meter).params).toMatchObject({ connectorId: 2, transactionId });
    expect(connector).toBe(2);
    await charging;

    const stop = system.nextCall(s.ocppId, 'StopTransaction');
    const available = system.nextCall(s.ocppId, 'StatusNotification', status(2, 'Available'));
    expect(await system.call(s.ocppId, 'RemoteStopTransaction', { transactionId })).toEqual({ status: 'Accepted' });
    expect((await stop).params).toMatchObject({ transactionId, reason: 'Remote', meterStop: expect.any(Number) });
    await available;
    expect(await system.call(s.ocppId, 'RemoteStopTransaction', { transactionId })).toEqual({ status: 'Rejected' });
  });

  it('misbehaving: refuses a remote start', async () => {
    const s = await booted({ misbehaviour: { refuseRemoteStart: true } });
    expect(await system.call(s.ocppId, 'RemoteStartTransaction', { connectorId: 1, idTag: 'X' })).toEqual({ status: 'Rejected' });
    expect(system.calls.some((c) => c.identity === s.ocppId && c.action === 'StartTransaction')).toBe(false);
  });
});

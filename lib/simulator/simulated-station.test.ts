import { afterEach, describe, expect, it } from 'vitest';
import { SimulatedStation, type SimulatedStationOptions } from '.';
import { startCentralSystem, type CentralSystem } from './test-central-system';

const running: { stations: SimulatedStation[]; systems: CentralSystem[] } = { stations: [], systems: [] };

afterEach(async () => {
  await Promise.all(running.stations.splice(0).map((s) => s.disconnect()));
  await Promise.all(running.systems.splice(0).map((s) => s.close()));
});

async function centralSystem(options: Parameters<typeof startCentralSystem>[0] = {}) {
  const system = await startCentralSystem(options);
  running.systems.push(system);
  return system;
}

function station(system: CentralSystem, options: Partial<SimulatedStationOptions> = {}) {
  const created = new SimulatedStation({
    url: system.url,
    ocppId: `SIM-${crypto.randomUUID().slice(0, 8)}`,
    maxIntervalMs: 200,
    reconnectDelayMs: 50,
    rebootDelayMs: 50,
    log: process.env.SIM_LOG ? console.log : undefined,
    scheduledDelayMs: 100,
    ...options,
  });
  running.stations.push(created);
  return created;
}

/** Connects and resolves once the boot was accepted and every connector reported. */
async function booted(system: CentralSystem, options: Partial<SimulatedStationOptions> = {}) {
  const s = station(system, options);
  const lastStatus = system.nextCall(s.ocppId, 'StatusNotification', (p) => p.connectorId === s.connectorCount);
  await s.connect();
  await lastStatus;
  return s;
}

const statuses = (system: CentralSystem, ocppId: string) =>
  system.calls
    .filter((c) => c.identity === ocppId && c.action === 'StatusNotification')
    .map((c) => [c.params.connectorId, c.params.status]);

describe('boot', () => {
  it('boots with its identity, reports connector 0 and each connector, then heartbeats', async () => {
    const system = await centralSystem();
    const s = station(system, { connectors: 2, identity: { vendor: 'Alfen', model: 'Eve Double Pro', serialNumber: 'ACE0100001' } });
    const heartbeat = system.nextCall(s.ocppId, 'Heartbeat');
    const accepted = s.waitFor('accepted');
    await s.connect();
    expect(await accepted).toEqual({ status: 'Accepted', interval: 300 });
    await heartbeat;
    const boot = system.calls.find((c) => c.identity === s.ocppId && c.action === 'BootNotification')!;
    expect(boot.params).toMatchObject({
      chargePointVendor: 'Alfen',
      chargePointModel: 'Eve Double Pro',
      chargePointSerialNumber: 'ACE0100001',
      firmwareVersion: '1.0.0',
      iccid: expect.any(String),
      imsi: expect.any(String),
    });
    expect(statuses(system, s.ocppId)).toEqual([
      [0, 'Available'],
      [1, 'Available'],
      [2, 'Available'],
    ]);
    expect(s.registration).toBe('accepted');
  });

  it('boots again after the interval while Pending, and reports status only once accepted', async () => {
    let boots = 0;
    const system = await centralSystem({
      boot: () => (++boots < 3 ? { status: 'Pending', interval: 60 } : { status: 'Accepted', interval: 300 }),
    });
    const s = station(system);
    const accepted = s.waitFor('accepted');
    const pending = s.waitFor('pending');
    await s.connect();
    expect(await pending).toEqual({ status: 'Pending', interval: 60 });
    expect(statuses(system, s.ocppId)).toEqual([]);
    await accepted;
    expect(boots).toBe(3);
    await system.nextCall(s.ocppId, 'StatusNotification', (p) => p.connectorId === 2);
  });

  it('is refused with a wrong password', async () => {
    const system = await centralSystem({ admit: (_id, password) => password === 'right-password-123' });
    const s = station(system, { password: 'wrong-password-123' });
    await expect(s.connect()).rejects.toMatchObject({ code: 401 });
    expect(system.handshakes.at(-1)).toEqual({ identity: s.ocppId, password: 'wrong-password-123' });
  });
});

describe('heartbeat interval', () => {
  it('follows HeartbeatInterval set by ChangeConfiguration and reports it in GetConfiguration', async () => {
    const system = await centralSystem();
    const s = await booted(system, { maxIntervalMs: 60_000 });
    expect(await system.call(s.ocppId, 'ChangeConfiguration', { key: 'HeartbeatInterval', value: '1' })).toEqual({ status: 'Accepted' });
    await system.nextCall(s.ocppId, 'Heartbeat', undefined, 2500);
    const reported = await system.call<{ configurationKey: { key: string; value: string }[] }>(s.ocppId, 'GetConfiguration', {
      key: ['HeartbeatInterval'],
    });
    expect(reported.configurationKey).toEqual([{ key: 'HeartbeatInterval', readonly: false, value: '1' }]);
  });

  it('never heartbeats when it ignores the interval, not even when triggered', async () => {
    const system = await centralSystem();
    const s = await booted(system, { misbehaviour: { ignoreHeartbeat: true }, maxIntervalMs: 50 });
    expect(await system.call(s.ocppId, 'TriggerMessage', { requestedMessage: 'Heartbeat' })).toEqual({ status: 'Accepted' });
    await expect(system.nextCall(s.ocppId, 'Heartbeat', undefined, 400)).rejects.toThrow(/no Heartbeat/);
    s.setMisbehaviour({ ignoreHeartbeat: false });
    const heartbeat = system.nextCall(s.ocppId, 'Heartbeat');
    await system.call(s.ocppId, 'TriggerMessage', { requestedMessage: 'Heartbeat' });
    await heartbeat;
  });
});

describe('configuration', () => {
  it('stores keys, rejects readonly ones, does not know others, never reports AuthorizationKey, and can misreport a value', async () => {
    const system = await centralSystem();
    const s = await booted(system, { misbehaviour: { misreportedConfiguration: { ConnectionTimeOut: '999' } } });
    expect(await system.call(s.ocppId, 'ChangeConfiguration', { key: 'MeterValueSampleInterval', value: '30' })).toEqual({
      status: 'Accepted',
    });
    expect(await system.call(s.ocppId, 'ChangeConfiguration', { key: 'NumberOfConnectors', value: '4' })).toEqual({ status: 'Rejected' });
    expect(await system.call(s.ocppId, 'ChangeConfiguration', { key: 'NoSuchKey', value: '1' })).toEqual({ status: 'NotSupported' });
    const all = await system.call<{ configurationKey: { key: string; value: string }[] }>(s.ocppId, 'GetConfiguration', {});
    const values = Object.fromEntries(all.configurationKey.map((k) => [k.key, k.value]));
    expect(values).toMatchObject({
      HeartbeatInterval: '300',
      MeterValueSampleInterval: '30',
      NumberOfConnectors: '2',
      ConnectionTimeOut: '999',
    });
    expect(values).not.toHaveProperty('AuthorizationKey');
    expect(await system.call(s.ocppId, 'GetConfiguration', { key: ['AuthorizationKey', 'NoSuchKey', 'MeterValueSampleInterval'] })).toEqual(
      { configurationKey: [{ key: 'MeterValueSampleInterval', readonly: false, value: '30' }], unknownKey: ['NoSuchKey'] },
    );
  });

  it('takes an AuthorizationKey as its new password and reconnects with it when the server closes the socket', async () => {
    const system = await centralSystem();
    const s = await booted(system);
    expect(s.password).toBeNull();
    expect(await system.call(s.ocppId, 'ChangeConfiguration', { key: 'AuthorizationKey', value: 'a'.repeat(40) })).toEqual({
      status: 'Accepted',
    });
    const reboot = system.nextCall(s.ocppId, 'BootNotification');
    await system.closeStation(s.ocppId, 1012);
    expect((await reboot).password).toBe('a'.repeat(40));
    expect(system.handshakes.at(-1)).toEqual({ identity: s.ocppId, password: 'a'.repeat(40) });
  });
});

describe('reset', () => {
  it('reboots: closes, reconnects, boots again, keeping its availability', async () => {
    const system = await centralSystem();
    const s = await booted(system);
    const unavailable = system.nextCall(s.ocppId, 'StatusNotification', (p) => p.connectorId === 1 && p.status === 'Unavailable');
    await system.call(s.ocppId, 'ChangeAvailability', { connectorId: 1, type: 'Inoperative' });
    await unavailable;
    const closed = system.nextClose(s.ocppId);
    const boot = system.nextCall(s.ocppId, 'BootNotification');
    const lastStatus = system.nextCall(s.ocppId, 'StatusNotification', (p) => p.connectorId === 2);
    expect(await system.call(s.ocppId, 'Reset', { type: 'Soft' })).toEqual({ status: 'Accepted' });
    await closed;
    await boot;
    await lastStatus;
    expect(statuses(system, s.ocppId).slice(-3)).toEqual([
      [0, 'Available'],
      [1, 'Unavailable'],
      [2, 'Available'],
    ]);
  });

  it('forgets its availability over a reboot when told to misbehave so', async () => {
    const system = await centralSystem();
    const s = await booted(system, { misbehaviour: { forgetAvailabilityAfterReboot: true } });
    const unavailable = system.nextCall(s.ocppId, 'StatusNotification', (p) => p.connectorId === 2 && p.status === 'Unavailable');
    await system.call(s.ocppId, 'ChangeAvailability', { connectorId: 0, type: 'Inoperative' });
    await unavailable;
    const lastStatus = system.nextCall(s.ocppId, 'StatusNotification', (p) => p.connectorId === 2);
    await system.call(s.ocppId, 'Reset', { type: 'Hard' });
    expect((await lastStatus).params.status).toBe('Available');
    expect(s.availabilityOf(0)).toBe('Operative');
  });

  it('boots again when TriggerMessage asks for a BootNotification', async () => {
    const system = await centralSystem();
    const s = await booted(system);
    const boot = system.nextCall(s.ocppId, 'BootNotification');
    expect(await system.call(s.ocppId, 'TriggerMessage', { requestedMessage: 'BootNotification' })).toEqual({ status: 'Accepted' });
    await boot;
  });
});

describe('connection', () => {
  it('comes back by itself after the connection dropped', async () => {
    const system = await centralSystem();
    const s = await booted(system);
    const closed = system.nextClose(s.ocppId);
    const boot = system.nextCall(s.ocppId, 'BootNotification');
    await s.dropConnection();
    await closed;
    await boot;
    expect(s.connected).toBe(true);
  });
});

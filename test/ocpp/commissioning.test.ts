import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { systemContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { auditEvents, stationTestRuns } from '@/lib/db/schema';
import { runCommissioning } from '@/lib/ocpp/commissioning';
import { startTestRun } from '@/lib/services/charge-stations';
import { failUnreachableTestRuns } from '@/lib/services/ocpp';
import { SimulatedStation, type Misbehaviour } from '@/lib/simulator';
import { eventually, makeOcppStation, readStation, startTestGateway, STATION_PASSWORD } from './support';

// Each check of the commissioning run against a simulated station on a real socket: one run that
// passes, and runs that fail at the step the fault belongs to, with the later steps skipped.

const TIMEOUTS = { stepMs: 1500, chargeMs: 3000 };
const stations: SimulatedStation[] = [];
afterEach(async () => {
  await Promise.all(stations.splice(0).map((station) => station.disconnect()));
});

async function connectedStation(
  options: { misbehaviour?: Misbehaviour; configuration?: Record<string, string>; password?: string | null; serial?: string } = {},
) {
  const gateway = await startTestGateway();
  const { station, evseUids } = await makeOcppStation({
    password: options.password === undefined ? STATION_PASSWORD : options.password,
    connectorsPerEvse: [1, 1],
    configuration: options.configuration,
  });
  if (options.serial) await getDb().execute(sql`update charge_stations set serial_number = ${options.serial} where id = ${station.id}`);
  const simulated = new SimulatedStation({
    url: `ws://127.0.0.1:${gateway.port}/ocpp`,
    ocppId: station.ocppId,
    password: options.password === undefined ? STATION_PASSWORD : options.password,
    connectors: 2,
    configuration: { HeartbeatInterval: '300', ...options.configuration },
    misbehaviour: options.misbehaviour,
    maxIntervalMs: 500,
  });
  stations.push(simulated);
  const booted = simulated.waitFor(options.password === null ? 'pending' : 'accepted');
  await simulated.connect();
  await booted;
  const session = await eventually(async () => gateway.sessions.get(station.id), 5000, 'the session');
  return { station, evseUids, session, simulated };
}

async function runOn(stationId: string, session: Parameters<typeof runCommissioning>[0], remoteStart?: { evse_uid: string }) {
  const run = await startTestRun({
    ctx: systemContext(),
    id: stationId,
    input: remoteStart ? { remote_start: { evse_uid: remoteStart.evse_uid, connector_id: '1', id_tag: 'TEST-TAG' } } : {},
  });
  expect(run.status).toBe('RUNNING');
  await runCommissioning(session, run.id, TIMEOUTS);
  const [row] = await getDb().select().from(stationTestRuns).where(eq(stationTestRuns.id, run.id));
  return { ...row!, byName: Object.fromEntries(row!.steps.map((step) => [step.name, step])) };
}

describe('commissioning test run', () => {
  it('passes every step, remote start/stop included, and the station becomes TESTED', async () => {
    const { station, evseUids, session } = await connectedStation({ configuration: { MeterValueSampleInterval: '60' } });
    const run = await runOn(station.id, session, { evse_uid: evseUids[1]! });
    expect(run.steps.map((step) => [step.name, step.status])).toEqual([
      ['connected', 'PASSED'],
      ['boot_accepted', 'PASSED'],
      ['heartbeat', 'PASSED'],
      ['connector_status', 'PASSED'],
      ['configuration', 'PASSED'],
      ['remote_start_stop', 'PASSED'],
    ]);
    expect(run.status).toBe('PASSED');
    expect(run.finishedAt).not.toBeNull();
    for (const step of run.steps) expect(step.started_at! <= step.finished_at!).toBe(true);
    expect(run.byName.remote_start_stop!.detail).toMatch(/connector 2 started and stopped/);
    expect((await readStation(station.id)).commissioningStatus).toBe('TESTED');
    const [audit] = await getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, station.id), eq(auditEvents.action, 'charge_station.test_finished')));
    expect(audit!.changes).toMatchObject({ commissioning_status: { after: 'TESTED' } });
  });

  it('fails at connector_status for a Faulted connector, naming it, and skips the rest', async () => {
    const { station, session } = await connectedStation({ misbehaviour: { faultedConnector: 2 } });
    const run = await runOn(station.id, session);
    expect(run.byName.heartbeat!.status).toBe('PASSED');
    expect(run.byName.connector_status).toMatchObject({ status: 'FAILED' });
    expect(run.byName.connector_status!.detail).toMatch(/connector 2.*Faulted.*cable/);
    expect(run.byName.configuration!.status).toBe('SKIPPED');
    expect(run.status).toBe('FAILED');
    expect((await readStation(station.id)).commissioningStatus).toBe('FAILED');
  });

  it('fails at configuration when the station reports another value than desired', async () => {
    const { station, session } = await connectedStation({
      configuration: { MeterValueSampleInterval: '60' },
      misbehaviour: { misreportedConfiguration: { MeterValueSampleInterval: '900' } },
    });
    const run = await runOn(station.id, session);
    expect(run.byName.connector_status!.status).toBe('PASSED');
    expect(run.byName.configuration!.status).toBe('FAILED');
    expect(run.byName.configuration!.detail).toMatch(/MeterValueSampleInterval is "900", wanted "60"/);
  });

  it('fails at heartbeat when the station never answers the trigger with a Heartbeat', async () => {
    const { station, session } = await connectedStation({ misbehaviour: { ignoreHeartbeat: true } });
    const run = await runOn(station.id, session);
    expect(run.byName.boot_accepted!.status).toBe('PASSED');
    expect(run.byName.heartbeat).toMatchObject({ status: 'FAILED' });
    expect(run.byName.heartbeat!.detail).toMatch(/no Heartbeat within 2 s/);
    expect(run.byName.connector_status!.status).toBe('SKIPPED');
  });

  it('fails at remote_start_stop when the station refuses the remote start', async () => {
    const { station, evseUids, session } = await connectedStation({ misbehaviour: { refuseRemoteStart: true } });
    const run = await runOn(station.id, session, { evse_uid: evseUids[0]! });
    expect(run.byName.configuration!.status).toBe('PASSED');
    expect(run.byName.remote_start_stop).toMatchObject({ status: 'FAILED' });
    expect(run.byName.remote_start_stop!.detail).toMatch(/refused to start a charge on connector 1/);
  });

  it('fails at boot_accepted when the boot identity differs from the record', async () => {
    const { station, session } = await connectedStation({ serial: 'EXPECTED-SERIAL' });
    const run = await runOn(station.id, session);
    expect(run.byName.boot_accepted!.status).toBe('FAILED');
    expect(run.byName.boot_accepted!.detail).toMatch(/serial.*record: "EXPECTED-SERIAL"/);
  });

  it('fails at boot_accepted for a pool station that has no password yet, saying to link it', async () => {
    const { station, session } = await connectedStation({ password: null });
    const run = await runOn(station.id, session);
    expect(run.byName.connected!.status).toBe('PASSED');
    expect(run.byName.boot_accepted!.detail).toMatch(/not accepted yet.*Link it to a location/);
  });

  it('a run for a station that never connects fails at connected once the connect timeout passed', async () => {
    const { station } = await makeOcppStation();
    const run = await startTestRun({ ctx: systemContext(), id: station.id });
    await failUnreachableTestRuns();
    const [fresh] = await getDb().select().from(stationTestRuns).where(eq(stationTestRuns.id, run.id));
    expect(fresh!.status).toBe('RUNNING');
    await getDb().execute(sql`update station_test_runs set started_at = started_at - interval '1 minute' where id = ${run.id}`);
    await failUnreachableTestRuns();
    const [failed] = await getDb().select().from(stationTestRuns).where(eq(stationTestRuns.id, run.id));
    expect(failed!.status).toBe('FAILED');
    expect(failed!.steps[0]).toMatchObject({ name: 'connected', status: 'FAILED' });
    expect(failed!.steps[0]!.detail).toMatch(/has not connected/);
    expect(failed!.steps.slice(1, 5).map((step) => step.status)).toEqual(['SKIPPED', 'SKIPPED', 'SKIPPED', 'SKIPPED']);
    expect((await readStation(station.id)).commissioningStatus).toBe('FAILED');
  });
});

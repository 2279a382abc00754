import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { auditEvents, chargeStations, stationCommands, stationTestRuns } from '@/lib/db/schema';
import type { ChargeStationCreateInput } from '@/lib/schemas/charge-station';
import { makeLocation, makeStation, makeTenant, userContext } from '@/test/fixtures';
import {
  bulkUpdateChargeStations,
  createChargeStation,
  getChargeStation,
  getConfiguration,
  linkChargeStation,
  resetChargeStation,
  setAvailability,
  startTestRun,
  updateChargeStation,
  updateConfiguration,
} from './index';

let n = 0;
const connector = (id: string) => ({
  id,
  standard: 'IEC_62196_T2' as const,
  format: 'SOCKET' as const,
  power_type: 'AC_3_PHASE' as const,
  max_voltage: 400,
  max_amperage: 32,
});
const station = (extra: Partial<ChargeStationCreateInput> = {}): ChargeStationCreateInput => ({
  ocpp_id: `CMD-${Date.now().toString(36)}-${++n}`,
  charger_type: 'AC',
  evses: [{ connectors: [connector('1')] }, { connectors: [connector('1'), connector('2')] }],
  ...extra,
});

let own: string;
let ownLocation: string;
let admin: AuthContext;
let installer: AuthContext;

beforeAll(async () => {
  own = (await makeTenant('Commands')).id;
  ownLocation = (await makeLocation(own)).id;
  admin = await userContext('customer_admin', [own]);
  installer = await userContext('installer', [own]);
});

const commandsOf = (stationId: string) =>
  getDb().select().from(stationCommands).where(eq(stationCommands.stationId, stationId)).orderBy(stationCommands.createdAt);
const auditsOf = (stationId: string, action: string) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entityId, stationId), eq(auditEvents.action, action)));
const markConnected = (stationId: string) =>
  getDb().update(chargeStations).set({ connected: true }).where(eq(chargeStations.id, stationId));

/** Makes the audit insert of one station fail, so the transaction that wrote the command rolls back. */
async function withFailingAudit(stationId: string, work: () => Promise<unknown>) {
  const name = `fail_audit_${stationId.replaceAll('-', '')}`;
  await getDb().execute(
    sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin
      if new.entity_id = '${stationId}' then raise exception 'audit refused for the test'; end if; return new; end $$`),
  );
  await getDb().execute(sql.raw(`create trigger ${name} before insert on audit_events for each row execute function ${name}()`));
  try {
    await expect(work()).rejects.toThrow();
  } finally {
    await getDb().execute(sql.raw(`drop trigger ${name} on audit_events`));
    await getDb().execute(sql.raw(`drop function ${name}()`));
  }
}

describe('availability becomes a sync_availability command in the same transaction', () => {
  it('offline: station and every EVSE OFFLINE, one command for the whole station', async () => {
    const created = await createChargeStation({ ctx: admin, input: station({ location_id: ownLocation }) });
    const updated = await setAvailability({ ctx: admin, id: created.id, input: { availability: 'INOPERATIVE' } });
    expect(updated.availability_sync).toBe('OFFLINE');
    expect(updated.evses.map((e) => [e.availability, e.availability_sync])).toEqual([
      ['INOPERATIVE', 'OFFLINE'],
      ['INOPERATIVE', 'OFFLINE'],
    ]);
    const commands = await commandsOf(created.id);
    expect(commands.map((c) => [c.kind, c.payload, c.status, c.requestedBy])).toEqual([
      ['sync_availability', {}, 'QUEUED', `user:${(admin.actor as { id: string }).id}`],
    ]);
    expect(await auditsOf(created.id, 'charge_station.availability_set')).toHaveLength(1);
  });

  it('connected: the EVSEs named and the station PENDING, the others untouched; payload names the EVSEs', async () => {
    const created = await createChargeStation({ ctx: admin, input: station() });
    await markConnected(created.id);
    const second = created.evses[1]!.uid;
    const updated = await setAvailability({ ctx: admin, id: created.id, input: { availability: 'INOPERATIVE', evse_uids: [second] } });
    expect(updated.availability_sync).toBe('PENDING');
    expect(updated.evses.map((e) => [e.availability, e.availability_sync])).toEqual([
      ['OPERATIVE', 'OFFLINE'],
      ['INOPERATIVE', 'PENDING'],
    ]);
    expect((await commandsOf(created.id)).map((c) => c.payload)).toEqual([{ evse_uids: [second] }]);
  });

  it('the bulk operation goes through the same verb: one command per station', async () => {
    const [a, b] = [
      await createChargeStation({ ctx: admin, input: station() }),
      await createChargeStation({ ctx: admin, input: station() }),
    ];
    await markConnected(b.id);
    const results = await bulkUpdateChargeStations({
      ctx: admin,
      items: [{ id: a.id }, { id: b.id }],
      operation: { operation: 'availability', availability: 'INOPERATIVE' },
    });
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await getChargeStation({ ctx: admin, id: a.id })).availability_sync).toBe('OFFLINE');
    expect((await getChargeStation({ ctx: admin, id: b.id })).availability_sync).toBe('PENDING');
    expect((await commandsOf(a.id)).map((c) => c.kind)).toEqual(['sync_availability']);
    expect((await commandsOf(b.id)).map((c) => c.kind)).toEqual(['sync_availability']);
  });

  it('a failing transaction leaves neither the command nor the audit event nor the change', async () => {
    const created = await createChargeStation({ ctx: admin, input: station() });
    await withFailingAudit(created.id, () => setAvailability({ ctx: admin, id: created.id, input: { availability: 'INOPERATIVE' } }));
    expect(await commandsOf(created.id)).toEqual([]);
    expect(await auditsOf(created.id, 'charge_station.availability_set')).toEqual([]);
    expect((await getChargeStation({ ctx: admin, id: created.id })).availability).toBe('OPERATIVE');
    await expect(
      setAvailability({ ctx: admin, id: created.id, input: { availability: 'INOPERATIVE', evse_uids: [crypto.randomUUID()] } }),
    ).rejects.toMatchObject({ code: 'validation' });
    await expect(
      setAvailability({ ctx: admin, id: created.id, input: { availability: 'INOPERATIVE' }, expectedVersion: 9 }),
    ).rejects.toMatchObject({
      code: 'precondition_failed',
    });
    expect(await commandsOf(created.id)).toEqual([]);
  });
});

describe('configuration changes become one sync_configuration command', () => {
  it('PATCH /configuration: changed and added keys PENDING when connected, removed keys dropped, untouched keys keep their state', async () => {
    const created = await createChargeStation({
      ctx: admin,
      input: station({ configuration: { HeartbeatInterval: '300', MeterValueSampleInterval: '60', LocalPreAuthorize: 'true' } }),
    });
    expect(created.configuration_sync).toEqual({
      HeartbeatInterval: 'OFFLINE',
      MeterValueSampleInterval: 'OFFLINE',
      LocalPreAuthorize: 'OFFLINE',
    });
    await getDb()
      .update(chargeStations)
      .set({
        connected: true,
        configurationSync: { HeartbeatInterval: 'APPLIED', MeterValueSampleInterval: 'APPLIED', LocalPreAuthorize: 'APPLIED' },
      })
      .where(eq(chargeStations.id, created.id));
    await updateConfiguration({
      ctx: admin,
      id: created.id,
      patch: { HeartbeatInterval: '600', MeterValueSampleInterval: null, ConnectionTimeOut: '90' },
    });
    const after = await getChargeStation({ ctx: admin, id: created.id });
    expect(after.configuration_sync).toEqual({ HeartbeatInterval: 'PENDING', LocalPreAuthorize: 'APPLIED', ConnectionTimeOut: 'PENDING' });
    expect((await commandsOf(created.id)).map((c) => [c.kind, c.payload])).toEqual([
      ['sync_configuration', { keys: ['HeartbeatInterval', 'ConnectionTimeOut'] }],
    ]);
  });

  it('station PATCH / PUT that change configuration queue the changed keys (OFFLINE when not connected); other edits queue nothing', async () => {
    const created = await createChargeStation({ ctx: admin, input: station({ configuration: { HeartbeatInterval: '300' } }) });
    await updateChargeStation({ ctx: admin, id: created.id, mode: 'merge', body: { remarks: 'only a remark' } });
    expect(await commandsOf(created.id)).toEqual([]);
    const patched = await updateChargeStation({
      ctx: admin,
      id: created.id,
      mode: 'merge',
      body: { configuration: { HeartbeatInterval: '300', WebSocketPingInterval: '30' } },
    });
    expect(patched.configuration_sync).toEqual({ HeartbeatInterval: 'OFFLINE', WebSocketPingInterval: 'OFFLINE' });
    const { configuration: _c, ...rest } = patched;
    const replaced = await updateChargeStation({
      ctx: admin,
      id: created.id,
      mode: 'replace',
      body: { ...rest, configuration: { HeartbeatInterval: '120' } },
    });
    expect(replaced.configuration_sync).toEqual({ HeartbeatInterval: 'OFFLINE' });
    expect((await commandsOf(created.id)).map((c) => c.payload)).toEqual([
      { keys: ['WebSocketPingInterval'] },
      { keys: ['HeartbeatInterval'] },
    ]);
  });

  it('a failing configuration change leaves no command', async () => {
    const created = await createChargeStation({ ctx: admin, input: station() });
    await withFailingAudit(created.id, () => updateConfiguration({ ctx: admin, id: created.id, patch: { HeartbeatInterval: '60' } }));
    expect(await commandsOf(created.id)).toEqual([]);
    expect((await getConfiguration({ ctx: admin, id: created.id })).configuration).toEqual({});
  });

  it('GET /configuration: desired vs reported per key, with sync state and drift', async () => {
    const created = await createChargeStation({
      ctx: admin,
      input: station({ configuration: { HeartbeatInterval: '300', MeterValueSampleInterval: '60' } }),
    });
    expect((await getConfiguration({ ctx: admin, id: created.id })).keys.map((k) => k.drift)).toEqual([false, false]);
    const at = new Date('2027-01-10T08:00:00.000Z');
    await getDb()
      .update(chargeStations)
      .set({
        configurationSync: { HeartbeatInterval: 'APPLIED', MeterValueSampleInterval: 'REJECTED' },
        reportedConfiguration: {
          HeartbeatInterval: { value: '300', readonly: false },
          MeterValueSampleInterval: { value: '10', readonly: false },
          NumberOfConnectors: { value: '3', readonly: true },
        },
        reportedConfigurationAt: at,
      })
      .where(eq(chargeStations.id, created.id));
    const view = await getConfiguration({ ctx: admin, id: created.id });
    expect(view).toMatchObject({
      id: created.id,
      configuration: { HeartbeatInterval: '300', MeterValueSampleInterval: '60' },
      version: created.version,
      reported_configuration_at: at.toISOString(),
    });
    expect(view.reported_configuration?.NumberOfConnectors).toEqual({ value: '3', readonly: true });
    expect(view.keys).toEqual([
      { key: 'HeartbeatInterval', desired: '300', reported: '300', sync: 'APPLIED', drift: false },
      { key: 'MeterValueSampleInterval', desired: '60', reported: '10', sync: 'REJECTED', drift: true },
      { key: 'NumberOfConnectors', desired: null, reported: '3', sync: null, drift: false },
    ]);
  });
});

describe('link provisions a password for a station without one', () => {
  it('a pool station linked gets one provision_password command, with the link and its audit; a second link adds none while it waits', async () => {
    const pool = await makeStation(null);
    const cpo = await userContext('cpo_admin');
    const linked = await linkChargeStation({ ctx: cpo, id: pool.id, locationId: ownLocation });
    expect(linked.registration).toBe('PENDING');
    expect((await commandsOf(pool.id)).map((c) => [c.kind, c.payload, c.status])).toEqual([['provision_password', {}, 'QUEUED']]);
    await linkChargeStation({ ctx: cpo, id: pool.id, locationId: ownLocation });
    expect(await commandsOf(pool.id)).toHaveLength(1);
  });

  it('a station with a password is linked without one; a failed link leaves none', async () => {
    const withPassword = await createChargeStation({
      ctx: admin,
      input: station({ tenant_id: own, ocpp_password: 'a-very-long-password-1' }),
    });
    expect(withPassword.registration).toBe('ACCEPTED');
    await linkChargeStation({ ctx: installer, id: withPassword.id, locationId: ownLocation });
    expect(await commandsOf(withPassword.id)).toEqual([]);
    const without = await createChargeStation({ ctx: admin, input: station({ tenant_id: own }) });
    await withFailingAudit(without.id, () => linkChargeStation({ ctx: installer, id: without.id, locationId: ownLocation }));
    expect(await commandsOf(without.id)).toEqual([]);
  });
});

describe('reset and test runs', () => {
  it('reset queues a command expiring in 10 minutes with its audit event; a failing transaction leaves neither', async () => {
    const created = await createChargeStation({ ctx: admin, input: station() });
    const before = Date.now();
    const command = await resetChargeStation({ ctx: admin, id: created.id, input: { type: 'HARD' } });
    expect(command).toMatchObject({ kind: 'reset', status: 'QUEUED', payload: { type: 'HARD' }, attempts: 0, sent_at: null });
    const expiresIn = new Date(command.expires_at!).getTime() - before;
    expect(expiresIn).toBeGreaterThan(9 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(10 * 60_000 + 5_000);
    const [event] = await auditsOf(created.id, 'charge_station.reset_requested');
    expect(event!.changes).toMatchObject({ reset: { after: 'HARD' }, command_id: { after: command.id } });
    await withFailingAudit(created.id, () => resetChargeStation({ ctx: admin, id: created.id, input: { type: 'SOFT' } }));
    expect((await commandsOf(created.id)).map((c) => c.id)).toEqual([command.id]);
    await expect(resetChargeStation({ ctx: installer, id: created.id, input: { type: 'SOFT' } })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });

  it('a connected station: the answer the gateway records within the wait is returned; none → as it is at the deadline', async () => {
    const created = await createChargeStation({ ctx: admin, input: station() });
    await markConnected(created.id);
    const answered = resetChargeStation({ ctx: admin, id: created.id, input: { type: 'SOFT' }, waitMs: 3_000 });
    // Plays the gateway: answers the command once it is there.
    const deadline = Date.now() + 3_000;
    let queued: { id: string } | undefined;
    while (!queued && Date.now() < deadline) {
      [queued] = await getDb().select({ id: stationCommands.id }).from(stationCommands).where(eq(stationCommands.stationId, created.id));
      if (!queued) await new Promise((r) => setTimeout(r, 20));
    }
    await getDb()
      .update(stationCommands)
      .set({ status: 'ACCEPTED', response: { status: 'ACCEPTED' }, attempts: 1, sentAt: new Date(), finishedAt: new Date() })
      .where(eq(stationCommands.id, queued!.id));
    expect(await answered).toMatchObject({ id: queued!.id, status: 'ACCEPTED', response: { status: 'ACCEPTED' }, attempts: 1 });
    const started = Date.now();
    expect(await resetChargeStation({ ctx: admin, id: created.id, input: { type: 'SOFT' }, waitMs: 200 })).toMatchObject({
      status: 'QUEUED',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('a test run is RUNNING with PENDING steps and the remote start stored; commissioning_status is left to the gateway', async () => {
    const created = await createChargeStation({ ctx: admin, input: station({ location_id: ownLocation }) });
    const remote = { evse_uid: created.evses[1]!.uid, connector_id: '2', id_tag: 'COMMISSION' };
    const run = await startTestRun({ ctx: installer, id: created.id, input: { remote_start: remote } });
    expect(run.status).toBe('RUNNING');
    expect(run.steps.map((s) => [s.name, s.status])).toEqual([
      ['connected', 'PENDING'],
      ['boot_accepted', 'PENDING'],
      ['heartbeat', 'PENDING'],
      ['connector_status', 'PENDING'],
      ['configuration', 'PENDING'],
      ['remote_start_stop', 'PENDING'],
    ]);
    const [row] = await getDb().select().from(stationTestRuns).where(eq(stationTestRuns.id, run.id));
    expect(row).toMatchObject({ remoteStart: remote, gatewayId: null, finishedAt: null });
    const plain = await startTestRun({ ctx: installer, id: created.id });
    expect(plain.steps.at(-1)).toEqual({
      name: 'remote_start_stop',
      status: 'SKIPPED',
      detail: 'not requested',
      started_at: null,
      finished_at: null,
    });
    const after = await getChargeStation({ ctx: admin, id: created.id });
    expect(after).toMatchObject({ commissioning_status: 'LINKED', version: created.version });
    expect(await auditsOf(created.id, 'charge_station.test_started')).toHaveLength(2);
    await expect(
      startTestRun({ ctx: installer, id: created.id, input: { remote_start: { ...remote, connector_id: '9' } } }),
    ).rejects.toMatchObject({ code: 'validation', extra: { errors: [{ path: '/remote_start/connector_id' }] } });
  });
});

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import * as commandItem from '@/app/api/v2/charge-stations/[id]/commands/[command_id]/route';
import * as commands from '@/app/api/v2/charge-stations/[id]/commands/route';
import * as configuration from '@/app/api/v2/charge-stations/[id]/configuration/route';
import * as messages from '@/app/api/v2/charge-stations/[id]/ocpp-messages/route';
import * as reset from '@/app/api/v2/charge-stations/[id]/reset/route';
import * as item from '@/app/api/v2/charge-stations/[id]/route';
import * as tests from '@/app/api/v2/charge-stations/[id]/tests/route';
import * as collection from '@/app/api/v2/charge-stations/route';
import { getDb } from '@/lib/db/client';
import { chargeStations, ocppMessages } from '@/lib/db/schema';
import { makeApiKey, makeLocation, makeStation, makeTenant } from '@/test/fixtures';
import { call } from './request';

let adminKey: string;
let viewerKey: string;
let installerKey: string;
let otherKey: string;
let location: string;
let otherStation: string;
let seq = 0;

const connector = (id: string) => ({
  id,
  standard: 'IEC_62196_T2',
  format: 'SOCKET',
  power_type: 'AC_3_PHASE',
  max_voltage: 400,
  max_amperage: 32,
});

beforeAll(async () => {
  const own = await makeTenant('Own');
  const other = await makeTenant('Other');
  adminKey = (await makeApiKey('customer_admin', own.id)).secret;
  viewerKey = (await makeApiKey('viewer', own.id)).secret;
  installerKey = (await makeApiKey('installer', own.id)).secret;
  otherKey = (await makeApiKey('customer_admin', other.id)).secret;
  location = (await makeLocation(own.id)).id;
  otherStation = (await makeStation(other.id)).id;
});

type Station = { id: string; version: number; evses: { uid: string }[] };
const create = async (extra: Record<string, unknown> = {}): Promise<Station> => {
  const res = await call(collection.POST, '/api/v2/charge-stations', {
    key: adminKey,
    method: 'POST',
    body: {
      ocpp_id: `CMDAPI-${Date.now().toString(36)}-${++seq}`,
      charger_type: 'AC',
      location_id: location,
      evses: [{ connectors: [connector('1')] }, { connectors: [connector('1'), connector('2')] }],
      ...extra,
    },
  });
  expect(res.status).toBe(201);
  return res.body;
};
const postReset = (key: string, id: string, body: unknown = { type: 'SOFT' }) =>
  call(reset.POST, '', { key, method: 'POST', params: { id }, body });

describe('the station representation', () => {
  it('shows the OCPP telemetry read-only; echoing it is fine, changing it is a 422, the password stays write-only', async () => {
    const created = await create({ ocpp_password: 'a-very-long-password-1', configuration: { HeartbeatInterval: '300' } });
    await getDb()
      .update(chargeStations)
      .set({
        iccid: '8931000000000000001',
        imsi: '204080000000001',
        firmwareStatus: 'Installed',
        lastBootAt: new Date('2027-01-10T08:00:00Z'),
      })
      .where(eq(chargeStations.id, created.id));
    const got = await call(item.GET, '', { key: viewerKey, params: { id: created.id } });
    expect(got.body).toMatchObject({
      registration: 'ACCEPTED',
      connected: false,
      connected_at: null,
      last_boot_at: '2027-01-10T08:00:00.000Z',
      iccid: '8931000000000000001',
      imsi: '204080000000001',
      firmware_status: 'Installed',
      diagnostics_status: null,
      configuration_sync: { HeartbeatInterval: 'OFFLINE' },
      reported_configuration_at: null,
    });
    expect(got.body).not.toHaveProperty('ocpp_password');
    expect(got.body.evses[0]).toMatchObject({ availability_sync: 'OFFLINE' });
    expect(got.body.evses[0].connectors[0]).toMatchObject({ reported_status: null, reported_error_code: null });

    const { id: _id, ...echo } = got.body;
    const put = await call(item.PUT, '', { key: adminKey, method: 'PUT', params: { id: created.id }, body: { ...echo, name: 'Echoed' } });
    expect(put.status).toBe(200);
    const { id: _same, ...current } = put.body;
    const topLevel = { ...structuredClone(current), registration: 'PENDING', iccid: 'forged' };
    const bad = await call(item.PUT, '', { key: adminKey, method: 'PUT', params: { id: created.id }, body: topLevel });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/iccid', '/registration']);
    const nested = structuredClone(current);
    nested.evses[0].availability_sync = 'APPLIED';
    nested.evses[0].connectors[0].reported_status = 'Charging';
    const badNested = await call(item.PATCH, '', {
      key: adminKey,
      method: 'PATCH',
      params: { id: created.id },
      body: { evses: nested.evses },
    });
    expect(badNested.status).toBe(422);
    expect(badNested.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/evses/0/availability_sync',
      '/evses/0/connectors/0/reported_status',
    ]);
  });

  it('a station without a password is PENDING', async () => {
    const created = await create();
    expect((await call(item.GET, '', { key: adminKey, params: { id: created.id } })).body.registration).toBe('PENDING');
  });
});

describe('POST /charge-stations/{id}/reset', () => {
  it('an offline station: 202 at once with the QUEUED command; then listed and readable', async () => {
    const created = await create();
    const started = Date.now();
    const res = await postReset(adminKey, created.id, { type: 'HARD' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(res.status).toBe(202);
    expect(Object.keys(res.body).sort()).toEqual(
      [
        'attempts',
        'created_at',
        'error',
        'expires_at',
        'finished_at',
        'id',
        'kind',
        'payload',
        'response',
        'sent_at',
        'station_id',
        'status',
      ].sort(),
    );
    expect(res.body).toMatchObject({
      station_id: created.id,
      kind: 'reset',
      status: 'QUEUED',
      payload: { type: 'HARD' },
      response: null,
      error: null,
      attempts: 0,
    });
    const got = await call(commandItem.GET, '', { key: viewerKey, params: { id: created.id, command_id: res.body.id } });
    expect(got).toMatchObject({ status: 200, body: res.body });
  });

  it('422 for a bad type, 403 without station:write, 404 for another tenant’s station', async () => {
    const created = await create();
    const bad = await postReset(adminKey, created.id, { type: 'WARM' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('/type');
    expect((await postReset(viewerKey, created.id)).status).toBe(403);
    expect((await postReset(installerKey, created.id)).status).toBe(403);
    expect((await postReset(adminKey, otherStation)).status).toBe(404);
    expect((await call(commands.GET, '', { key: adminKey, params: { id: created.id } })).body.data).toEqual([]);
  });
});

describe('GET /charge-stations/{id}/commands', () => {
  it('newest first, cursor-paged; each command also by id; foreign ids 404', async () => {
    const created = await create();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await postReset(adminKey, created.id)).body.id);
    await call(configuration.PATCH, '', {
      key: adminKey,
      method: 'PATCH',
      params: { id: created.id },
      rawBody: JSON.stringify({ HeartbeatInterval: '60' }),
      headers: { 'content-type': 'application/merge-patch+json' },
    });
    const first = await call(commands.GET, '/x?limit=2', { key: viewerKey, params: { id: created.id } });
    expect(first.status).toBe(200);
    expect(first.body.data.map((c: { kind: string }) => c.kind)).toEqual(['sync_configuration', 'reset']);
    expect(first.body.data[0].payload).toEqual({ keys: ['HeartbeatInterval'] });
    const second = await call(commands.GET, `/x?limit=2&cursor=${first.body.next_cursor}`, { key: viewerKey, params: { id: created.id } });
    expect(second.body.data.map((c: { id: string }) => c.id)).toEqual([ids[1], ids[0]]);
    expect(second.body.next_cursor).toBeNull();
    expect(first.body.data[1].id).toBe(ids[2]);

    const elsewhere = await create();
    expect((await call(commands.GET, `/x?cursor=${first.body.next_cursor}`, { key: viewerKey, params: { id: elsewhere.id } })).status).toBe(
      400,
    );
    expect((await call(commandItem.GET, '', { key: viewerKey, params: { id: elsewhere.id, command_id: ids[0]! } })).status).toBe(404);
    expect((await call(commandItem.GET, '', { key: viewerKey, params: { id: created.id, command_id: 'nope' } })).status).toBe(404);
    expect((await call(commands.GET, '', { key: otherKey, params: { id: created.id } })).status).toBe(404);
    expect((await call(commandItem.GET, '', { key: otherKey, params: { id: created.id, command_id: ids[0]! } })).status).toBe(404);
    expect((await call(commands.GET, '/x?limit=0', { key: viewerKey, params: { id: created.id } })).status).toBe(400);
  });
});

describe('GET /charge-stations/{id}/ocpp-messages', () => {
  it('newest first, paged by limit and cursor, latency null when unknown; another tenant or the pool → 404', async () => {
    const created = await create();
    const base = Date.parse('2027-01-10T08:00:00Z');
    await getDb()
      .insert(ocppMessages)
      .values(
        Array.from({ length: 5 }, (_, i) => ({
          stationId: created.id,
          at: new Date(base + i * 1000),
          direction: i % 2 ? ('OUT' as const) : ('IN' as const),
          messageType: i % 2 ? ('CALLRESULT' as const) : ('CALL' as const),
          action: 'Heartbeat',
          messageId: `m${i}`,
          payload: i % 2 ? { currentTime: '2027-01-10T08:00:00Z' } : {},
          latencyMs: i % 2 ? 12 : null,
        })),
      );
    const page = await call(messages.GET, '/x?limit=3', { key: viewerKey, params: { id: created.id } });
    expect(page.status).toBe(200);
    expect(page.body.data.map((m: { message_id: string }) => m.message_id)).toEqual(['m4', 'm3', 'm2']);
    expect(page.body.data[1]).toEqual({
      at: '2027-01-10T08:00:03.000Z',
      direction: 'OUT',
      message_type: 'CALLRESULT',
      action: 'Heartbeat',
      message_id: 'm3',
      payload: { currentTime: '2027-01-10T08:00:00Z' },
      latency_ms: 12,
    });
    expect(page.body.data[0].latency_ms).toBeNull();
    const rest = await call(messages.GET, `/x?limit=3&cursor=${page.body.next_cursor}`, { key: viewerKey, params: { id: created.id } });
    expect(rest.body).toMatchObject({ data: [{ message_id: 'm1' }, { message_id: 'm0' }], next_cursor: null });

    expect((await call(messages.GET, '', { key: otherKey, params: { id: created.id } })).status).toBe(404);
    const pool = await makeStation(null);
    expect((await call(messages.GET, '', { key: adminKey, params: { id: pool.id } })).status).toBe(404);
    expect((await call(messages.GET, '/x?limit=1001', { key: viewerKey, params: { id: created.id } })).status).toBe(400);
    expect((await call(messages.GET, '/x?cursor=forged', { key: viewerKey, params: { id: created.id } })).status).toBe(400);
  });
});

describe('GET /charge-stations/{id}/configuration', () => {
  it('keeps configuration and version, adds the reported side and the drift per key', async () => {
    const created = await create({ configuration: { HeartbeatInterval: '300' } });
    await getDb()
      .update(chargeStations)
      .set({
        reportedConfiguration: { HeartbeatInterval: { value: '900', readonly: false } },
        reportedConfigurationAt: new Date('2027-01-10T08:00:00Z'),
      })
      .where(eq(chargeStations.id, created.id));
    const res = await call(configuration.GET, '', { key: viewerKey, params: { id: created.id } });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${created.version}"`);
    expect(res.body).toEqual({
      id: created.id,
      configuration: { HeartbeatInterval: '300' },
      version: created.version,
      reported_configuration: { HeartbeatInterval: { value: '900', readonly: false } },
      reported_configuration_at: '2027-01-10T08:00:00.000Z',
      keys: [{ key: 'HeartbeatInterval', desired: '300', reported: '900', sync: 'OFFLINE', drift: true }],
    });
  });
});

describe('POST /charge-stations/{id}/tests', () => {
  it('201 RUNNING at once, every step PENDING; remote_start validated against the station', async () => {
    const created = await create();
    const plain = await call(tests.POST, '', { key: installerKey, method: 'POST', params: { id: created.id } });
    expect(plain.status).toBe(201);
    expect(plain.body.status).toBe('RUNNING');
    expect(plain.body.steps.map((s: { status: string }) => s.status)).toEqual([
      'PENDING',
      'PENDING',
      'PENDING',
      'PENDING',
      'PENDING',
      'SKIPPED',
    ]);
    expect(plain.body.steps[5]).toEqual({
      name: 'remote_start_stop',
      status: 'SKIPPED',
      detail: 'not requested',
      started_at: null,
      finished_at: null,
    });

    const remote = { evse_uid: created.evses[1]!.uid, connector_id: '2', id_tag: 'COMMISSION' };
    const asked = await call(tests.POST, '', {
      key: installerKey,
      method: 'POST',
      params: { id: created.id },
      body: { remote_start: remote },
    });
    expect(asked.status).toBe(201);
    expect(asked.body.steps[5]).toMatchObject({ name: 'remote_start_stop', status: 'PENDING' });

    const unknownEvse = await call(tests.POST, '', {
      key: installerKey,
      method: 'POST',
      params: { id: created.id },
      body: { remote_start: { ...remote, evse_uid: crypto.randomUUID() } },
    });
    expect(unknownEvse.status).toBe(422);
    expect(unknownEvse.body.errors).toEqual([{ path: '/remote_start/evse_uid', message: 'no EVSE with this uid on this station' }]);
    const unknownConnector = await call(tests.POST, '', {
      key: installerKey,
      method: 'POST',
      params: { id: created.id },
      body: { remote_start: { ...remote, evse_uid: created.evses[0]!.uid } },
    });
    expect(unknownConnector.status).toBe(422);
    expect(unknownConnector.body.errors[0].path).toBe('/remote_start/connector_id');
    const malformed = await call(tests.POST, '', {
      key: installerKey,
      method: 'POST',
      params: { id: created.id },
      body: { remote_start: { evse_uid: 'x' } },
    });
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/remote_start/connector_id',
      '/remote_start/evse_uid',
      '/remote_start/id_tag',
    ]);

    expect((await call(tests.POST, '', { key: viewerKey, method: 'POST', params: { id: created.id } })).status).toBe(403);
    expect((await call(tests.POST, '', { key: installerKey, method: 'POST', params: { id: otherStation } })).status).toBe(404);
  });
});

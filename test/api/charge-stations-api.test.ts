import { beforeAll, describe, expect, it } from 'vitest';
import * as availability from '@/app/api/v2/charge-stations/[id]/availability/route';
import * as configuration from '@/app/api/v2/charge-stations/[id]/configuration/route';
import * as link from '@/app/api/v2/charge-stations/[id]/link/route';
import * as item from '@/app/api/v2/charge-stations/[id]/route';
import * as tariffsRoute from '@/app/api/v2/charge-stations/[id]/tariffs/route';
import * as testRun from '@/app/api/v2/charge-stations/[id]/tests/[run_id]/route';
import * as tests from '@/app/api/v2/charge-stations/[id]/tests/route';
import * as exportRoute from '@/app/api/v2/charge-stations/export/route';
import * as collection from '@/app/api/v2/charge-stations/route';
import { makeApiKey, makeLocation, makeStation, makeTariff, makeTenant } from '@/test/fixtures';
import { call } from './request';

let key: string;
let installerKey: string;
let location: string;
let otherStation: string;
let tariff: string;
let seq = 0;
const body = () => ({
  ocpp_id: `API-${Date.now().toString(36)}-${++seq}`,
  charger_type: 'AC',
  evses: [
    {
      evse_id: 'NL*GFX*E0001*1',
      connectors: [{ id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 400, max_amperage: 32 }],
    },
  ],
});

beforeAll(async () => {
  const own = await makeTenant('Own');
  const other = await makeTenant('Other');
  key = (await makeApiKey('customer_admin', own.id)).secret;
  installerKey = (await makeApiKey('installer', own.id)).secret;
  location = (await makeLocation(own.id)).id;
  otherStation = (await makeStation(other.id)).id;
  tariff = await makeTariff('AC', [own.id]);
});

const create = async (extra: Record<string, unknown> = {}) => {
  const res = await call(collection.POST, '/api/v2/charge-stations', { key, method: 'POST', body: { ...body(), ...extra } });
  expect(res.status).toBe(201);
  return res.body as { id: string; ocpp_id: string; version: number; evses: { uid: string }[] };
};

describe('charge stations over HTTP', () => {
  it('POST 201 with Location and ETag; GET returns the same; other tenant 404', async () => {
    const res = await call(collection.POST, '/api/v2/charge-stations', { key, method: 'POST', body: { ...body(), location_id: location } });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v2/charge-stations/${res.body.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    const got = await call(item.GET, '', { key, params: { id: res.body.id } });
    expect(got.body).toEqual(res.body);
    expect((await call(item.GET, '', { key, params: { id: otherStation } })).status).toBe(404);
  });

  it('422 lists unknown fields, client ids and bad values; 409 names the existing station', async () => {
    const bad = await call(collection.POST, '/api/v2/charge-stations', {
      key,
      method: 'POST',
      body: { ...body(), id: 'x', colour: 'red', charger_type: 'XX', max_power_kw: -1 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/charger_type', '/colour', '/id', '/max_power_kw']);
    const first = await create();
    const clash = await call(collection.POST, '/api/v2/charge-stations', {
      key,
      method: 'POST',
      body: { ...body(), ocpp_id: first.ocpp_id },
    });
    expect(clash.status).toBe(409);
    expect(clash.body.existing_id).toBe(first.id);
  });

  it('PATCH needs merge-patch or JSON (415 otherwise) and If-Match guards it (412)', async () => {
    const created = await create();
    const patch = (headers: Record<string, string>) =>
      call(item.PATCH, '', { key, method: 'PATCH', params: { id: created.id }, rawBody: JSON.stringify({ name: 'Left' }), headers });
    expect((await patch({ 'content-type': 'text/plain' })).status).toBe(415);
    expect((await patch({ 'content-type': 'application/merge-patch+json', 'if-match': '"7"' })).status).toBe(412);
    const ok = await patch({ 'content-type': 'application/merge-patch+json', 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect((await patch({ 'content-type': 'application/json', 'if-match': '*' })).status).toBe(200);
  });

  it('availability answers 202 with the sync state; tariffs and configuration answer 200', async () => {
    const created = await create();
    const res = await call(availability.POST, '', {
      key,
      method: 'POST',
      params: { id: created.id },
      body: { availability: 'INOPERATIVE' },
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ availability: 'INOPERATIVE', availability_sync: 'OFFLINE' });
    const set = await call(tariffsRoute.PUT, '', { key, method: 'PUT', params: { id: created.id }, body: { tariff_ids: [tariff] } });
    expect(set.status).toBe(200);
    expect(set.body.evses[0].connectors[0].tariff_ids).toEqual([tariff]);
    const conf = await call(configuration.PATCH, '', {
      key,
      method: 'PATCH',
      params: { id: created.id },
      rawBody: JSON.stringify({ HeartbeatInterval: '120' }),
      headers: { 'content-type': 'application/merge-patch+json' },
    });
    expect(conf.status).toBe(200);
    expect(conf.body.configuration).toEqual({ HeartbeatInterval: '120' });
    expect((await call(configuration.GET, '', { key, params: { id: created.id } })).body.configuration).toEqual({
      HeartbeatInterval: '120',
    });
  });

  it('an installer key links, runs a test (201 + Location) and reads the run back', async () => {
    const created = await create();
    const linked = await call(link.POST, '', {
      key: installerKey,
      method: 'POST',
      params: { id: created.id },
      body: { location_id: location },
    });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ location_id: location, commissioning_status: 'LINKED' });
    const run = await call(tests.POST, '', { key: installerKey, method: 'POST', params: { id: created.id } });
    expect(run.status).toBe(201);
    expect(run.headers.get('location')).toBe(`/api/v2/charge-stations/${created.id}/tests/${run.body.id}`);
    const read = await call(testRun.GET, '', { key: installerKey, params: { id: created.id, run_id: run.body.id } });
    expect(read.body.status).toBe('RUNNING');
    expect(read.body.steps[0]).toMatchObject({ name: 'connected', status: 'PENDING' });
    const patchName = await call(item.PATCH, '', {
      key: installerKey,
      method: 'PATCH',
      params: { id: created.id },
      body: { name: 'Nope' },
    });
    expect(patchName.status).toBe(403);
  });

  it('DELETE 204, then 404; export streams NDJSON shaped as GET and CSV with a header', async () => {
    const created = await create({ custom_groups: ['Export'] });
    const nd = await fetchText(exportRoute.GET, '/api/v2/charge-stations/export?format=ndjson&custom_group=Export');
    expect(nd.type).toBe('application/x-ndjson');
    const lines = nd.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([(await call(item.GET, '', { key, params: { id: created.id } })).body]);
    const csv = await fetchText(exportRoute.GET, '/api/v2/charge-stations/export?format=csv&custom_group=Export');
    expect(csv.type).toBe('text/csv; charset=utf-8');
    const [header, row] = csv.text.trim().split('\n');
    expect(header!.split(',').slice(0, 4)).toEqual(['id', 'tenant_id', 'location_id', 'ocpp_id']);
    expect(row).toContain('"[""Export""]"');
    expect((await call(exportRoute.GET, '/api/v2/charge-stations/export?format=xml', { key })).status).toBe(400);
    expect((await call(item.DELETE, '', { key, method: 'DELETE', params: { id: created.id } })).status).toBe(204);
    expect((await call(item.GET, '', { key, params: { id: created.id } })).status).toBe(404);
  });
});

async function fetchText(handler: typeof exportRoute.GET, url: string) {
  const { NextRequest } = await import('next/server');
  const response = await handler(new NextRequest(new URL(url, 'http://localhost'), { headers: { authorization: `Bearer ${key}` } }), {
    params: Promise.resolve({}),
  });
  return { type: response.headers.get('content-type'), text: await response.text() };
}

describe('heard_since', () => {
  it('lists only stations heard from at or after the time, for the installer\'s "connected in the last hour"', async () => {
    const { getDb } = await import('@/lib/db/client');
    const { chargeStations } = await import('@/lib/db/schema');
    const { eq } = await import('drizzle-orm');
    const tenant = await makeTenant('Heard');
    const own = (await makeApiKey('customer_admin', tenant.id)).secret;
    const recent = await makeStation(tenant.id);
    const earlier = await makeStation(tenant.id);
    await makeStation(tenant.id); // never heard
    await getDb()
      .update(chargeStations)
      .set({ lastHeartbeatAt: new Date(Date.now() - 60_000) })
      .where(eq(chargeStations.id, recent.id));
    await getDb()
      .update(chargeStations)
      .set({ lastHeartbeatAt: new Date(Date.now() - 2 * 3600_000) })
      .where(eq(chargeStations.id, earlier.id));
    const since = encodeURIComponent(new Date(Date.now() - 3600_000).toISOString());
    const res = await call(collection.GET, `/api/v2/charge-stations?heard_since=${since}&unlinked=true`, { key: own });
    expect(res.status).toBe(200);
    expect((res.body as { data: { id: string }[] }).data.map((s) => s.id)).toEqual([recent.id]);
    const bad = await call(collection.GET, '/api/v2/charge-stations?heard_since=yesterday', { key: own });
    expect(bad.status).toBe(400);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import * as window from '@/app/api/v2/charge-stations/[id]/maintenance-windows/[index]/route';
import * as windows from '@/app/api/v2/charge-stations/[id]/maintenance-windows/route';
import * as item from '@/app/api/v2/charge-stations/[id]/route';
import { makeApiKey, makeStation, makeTenant } from '@/test/fixtures';
import { call } from './request';

let adminKey: string;
let installerKey: string;
let viewerKey: string;
let ownTenant: string;
let otherStation: string;

const service = { starts_at: '2027-01-10T08:00:00Z', ends_at: '2027-01-10T12:00:00Z', reason: 'Annual service' };
const repair = { starts_at: '2027-02-01T08:00:00Z', ends_at: '2027-02-01T09:00:00Z' };

beforeAll(async () => {
  const own = await makeTenant('Windows');
  const other = await makeTenant('Windows other');
  ownTenant = own.id;
  adminKey = (await makeApiKey('customer_admin', own.id)).secret;
  installerKey = (await makeApiKey('installer', own.id)).secret;
  viewerKey = (await makeApiKey('viewer', own.id)).secret;
  otherStation = (await makeStation(other.id)).id;
});

const add = (key: string, id: string, body: unknown, headers: Record<string, string> = {}) =>
  call(windows.POST, '', { key, method: 'POST', params: { id }, body, headers });
const remove = (key: string, id: string, index: string, headers: Record<string, string> = {}) =>
  call(window.DELETE, '', { key, method: 'DELETE', params: { id, index }, headers });

describe('maintenance windows over HTTP', () => {
  it('POST appends (200, the station, ETag); DELETE removes by position (204 with the new ETag)', async () => {
    const station = (await makeStation(ownTenant)).id;
    const first = await add(installerKey, station, service);
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');
    expect(first.body).toMatchObject({ id: station, version: 2, maintenance_windows: [service] });
    const second = await add(adminKey, station, repair, { 'if-match': '"2"' });
    expect(second.body.maintenance_windows).toEqual([service, repair]);

    const removed = await remove(installerKey, station, '0', { 'if-match': '"3"' });
    expect(removed.status).toBe(204);
    expect(removed.body).toBeUndefined();
    expect(removed.headers.get('etag')).toBe('"4"');
    const got = await call(item.GET, '', { key: adminKey, params: { id: station } });
    expect(got.body).toMatchObject({ version: 4, maintenance_windows: [repair] });
  });

  it('another tenant’s station is 404; a position with no window is 404', async () => {
    expect((await add(adminKey, otherStation, service)).status).toBe(404);
    expect((await remove(adminKey, otherStation, '0')).status).toBe(404);
    const station = (await makeStation(ownTenant)).id;
    expect((await remove(adminKey, station, '0')).status).toBe(404);
    expect((await remove(adminKey, station, 'first')).status).toBe(404);
  });

  it('a key without station:maintenance or station:write is 403; an invalid window is 422', async () => {
    const station = (await makeStation(ownTenant)).id;
    expect((await add(viewerKey, station, service)).status).toBe(403);
    await add(adminKey, station, service);
    expect((await remove(viewerKey, station, '0')).status).toBe(403);
    const bad = await add(adminKey, station, { ...service, ends_at: '2027-01-09T00:00:00Z', colour: 'red' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/colour', '/ends_at']);
  });

  it('a stale If-Match is 412 and changes nothing', async () => {
    const station = (await makeStation(ownTenant)).id;
    expect((await add(adminKey, station, service, { 'if-match': '"7"' })).status).toBe(412);
    await add(adminKey, station, service);
    expect((await remove(adminKey, station, '0', { 'if-match': '"1"' })).status).toBe(412);
    const got = await call(item.GET, '', { key: adminKey, params: { id: station } });
    expect(got.body).toMatchObject({ version: 2, maintenance_windows: [service] });
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import * as collection from '@/app/api/v2/locations/route';
import * as item from '@/app/api/v2/locations/[id]/route';
import { makeApiKey, makeLocation, makeTenant } from '@/test/fixtures';
import { call } from './request';

let ownKey: string;
let ownLocation: string;
let otherLocation: string;

const validBody = {
  external_id: 'SF-LOC-1',
  name: 'Parkzicht garage',
  address: 'Parklaan 12',
  city: 'Utrecht',
  country: 'NLD',
  coordinates: { latitude: 52.0907, longitude: 5.1214 },
};

beforeAll(async () => {
  const own = await makeTenant('Own');
  const other = await makeTenant('Other');
  ownKey = (await makeApiKey('customer_admin', own.id)).secret;
  ownLocation = (await makeLocation(own.id)).id;
  otherLocation = (await makeLocation(other.id)).id;
});

describe('GET /api/v2/locations', () => {
  it('returns only the key’s tenant, as {data, next_cursor}', async () => {
    const res = await call(collection.GET, '/api/v2/locations?limit=1000', { key: ownKey });
    expect(res.status).toBe(200);
    const ids = res.body.data.map((l: { id: string }) => l.id);
    expect(ids).toContain(ownLocation);
    expect(ids).not.toContain(otherLocation);
    expect(res.body.next_cursor).toBeNull();
  });

  it('answers 401 problem+json for a missing-scheme, unknown, revoked or expired key', async () => {
    const own = await makeTenant('Keys');
    const revoked = (await makeApiKey('viewer', own.id, { revokedAt: new Date() })).secret;
    const expired = (await makeApiKey('viewer', own.id, { expiresAt: new Date(Date.now() - 1000) })).secret;
    for (const authorization of ['Basic abc', 'Bearer nope-nope-nope', `Bearer ${revoked}`, `Bearer ${expired}`]) {
      const res = await call(collection.GET, '/api/v2/locations', { headers: { authorization } });
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body).toMatchObject({ status: 401, title: 'Unauthorized' });
    }
  });

  it('answers 400 naming each invalid query parameter', async () => {
    const res = await call(collection.GET, '/api/v2/locations?limit=0&sort=colour&near=52.1', { key: ownKey });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/limit', '/near', '/sort']);
  });
});

describe('GET /api/v2/locations/{id}', () => {
  it('returns the location with its ETag, and 404 for another tenant’s id exactly as for a missing one', async () => {
    const mine = await call(item.GET, `/api/v2/locations/${ownLocation}`, { key: ownKey, params: { id: ownLocation } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('etag')).toBe('"1"');
    const theirs = await call(item.GET, `/api/v2/locations/${otherLocation}`, { key: ownKey, params: { id: otherLocation } });
    const missing = '00000000-0000-4000-8000-000000000000';
    const none = await call(item.GET, `/api/v2/locations/${missing}`, { key: ownKey, params: { id: missing } });
    expect(theirs.status).toBe(404);
    expect(none.status).toBe(404);
    expect(theirs.body).toEqual(none.body);
  });
});

describe('POST /api/v2/locations', () => {
  it('creates: 201, Location header, ETag, the resource as GET returns it', async () => {
    const res = await call(collection.POST, '/api/v2/locations', { key: ownKey, method: 'POST', body: validBody });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v2/locations/${res.body.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    const fetched = await call(item.GET, `/api/v2/locations/${res.body.id}`, { key: ownKey, params: { id: res.body.id } });
    expect(fetched.body).toEqual(res.body);
    const clash = await call(collection.POST, '/api/v2/locations', { key: ownKey, method: 'POST', body: validBody });
    expect(clash.status).toBe(409);
    expect(clash.body.existing_id).toBe(res.body.id);
  });

  it('maps bad input to 400 / 413 / 415 / 422, never 500', async () => {
    const post = (init: Parameters<typeof call>[2]) => call(collection.POST, '/api/v2/locations', { key: ownKey, method: 'POST', ...init });
    expect((await post({ rawBody: '{"name":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await post({ rawBody: '[1,2]', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await post({ rawBody: JSON.stringify(validBody), headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    expect((await post({ body: { ...validBody, remarks: 'x'.repeat(1024 * 1024) } })).status).toBe(413);
    const invalid = await post({
      body: { ...validBody, id: 'mine', name: '', country: 'NL', remarks: 'a\u0000b', coordinates: { latitude: 91, longitude: 0 } },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['/coordinates/latitude', '/country', '/id', '/name', '/remarks'].sort(),
    );
  });
});

describe('PATCH /api/v2/locations/{id}', () => {
  it('applies a merge patch with If-Match, then refuses the stale version with 412', async () => {
    const created = await call(collection.POST, '/api/v2/locations', {
      key: ownKey,
      method: 'POST',
      body: { ...validBody, external_id: 'SF-P' },
    });
    const id = created.body.id;
    const patch = (ifMatch: string) =>
      call(item.PATCH, `/api/v2/locations/${id}`, {
        key: ownKey,
        method: 'PATCH',
        params: { id },
        rawBody: JSON.stringify({ remarks: 'Gate code at reception' }),
        headers: { 'content-type': 'application/merge-patch+json', 'if-match': ifMatch },
      });
    const ok = await patch('"1"');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(ok.body.remarks).toBe('Gate code at reception');
    expect((await patch('"1"')).status).toBe(412);
  });
});

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as collection from '@/app/api/v2/tenants/route';
import * as item from '@/app/api/v2/tenants/[id]/route';
import { makeApiKey, makeLocation, makeTenant } from '@/test/fixtures';
import { call } from './request';

let cpoKey: string;
let ownKey: string;
let own: string;
let other: string;

const body = (extra: Record<string, unknown> = {}) => ({
  slug: `vve-${randomUUID().slice(0, 8)}`,
  name: 'VvE Parkzicht',
  kind: 'CONDOMINIUM',
  external_id: 'SF-0042',
  ...extra,
});
const get = (id: string, key = cpoKey) => call(item.GET, `/api/v2/tenants/${id}`, { key, params: { id } });
const post = (payload: unknown, key = cpoKey) => call(collection.POST, '/api/v2/tenants', { key, method: 'POST', body: payload });
const patch = (id: string, payload: unknown, headers: Record<string, string> = {}) =>
  call(item.PATCH, `/api/v2/tenants/${id}`, {
    key: cpoKey,
    method: 'PATCH',
    params: { id },
    rawBody: JSON.stringify(payload),
    headers: { 'content-type': 'application/merge-patch+json', ...headers },
  });

beforeAll(async () => {
  cpoKey = (await makeApiKey('cpo_admin', null)).secret;
  own = (await makeTenant('Own')).id;
  other = (await makeTenant('Other')).id;
  ownKey = (await makeApiKey('customer_admin', own)).secret;
});

describe('POST /api/v2/tenants', () => {
  it('creates: 201, Location, ETag, the tenant as GET returns it; 409 with existing_id on the same slug', async () => {
    const payload = body();
    const res = await post(payload);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v2/tenants/${res.body.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({ ...payload, version: 1 });
    const fetched = await get(res.body.id);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(res.body);
    const clash = await post(body({ slug: payload.slug }));
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ status: 409, existing_id: res.body.id });
  });

  it('answers 422 with every offending path, and 403 for a tenant-scoped key', async () => {
    const invalid = await post({ id: randomUUID(), slug: '-Bad-', name: '', kind: 'CASTLE', external_id: 'a\u0000b' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/external_id', '/id', '/kind', '/name', '/slug']);
    const missing = await post({});
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/kind', '/name', '/slug']);
    expect((await post(body(), ownKey)).status).toBe(403);
  });
});

describe('GET /api/v2/tenants', () => {
  it('shows a tenant-scoped key its own tenant only; another tenant is 404 exactly like a missing one', async () => {
    const res = await call(collection.GET, '/api/v2/tenants', { key: ownKey });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: [expect.objectContaining({ id: own })], next_cursor: null });
    const theirs = await get(other, ownKey);
    const missing = await get(randomUUID(), ownKey);
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(missing.body);
  });

  it('pages with limit and next_cursor, and answers 400 for invalid or unknown parameters', async () => {
    const marker = randomUUID().slice(0, 8);
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await post(body({ name: `Paged ${marker} ${i}` }))).body.id);
    const seen: string[] = [];
    let url = `/api/v2/tenants?q=${marker}&limit=2&sort=name`;
    for (;;) {
      const res = await call(collection.GET, url, { key: cpoKey });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((t: { id: string }) => t.id));
      if (!res.body.next_cursor) break;
      url = `/api/v2/tenants?q=${marker}&limit=2&sort=name&cursor=${encodeURIComponent(res.body.next_cursor)}`;
    }
    expect(seen).toEqual(made);
    const bad = await call(collection.GET, '/api/v2/tenants?limit=1001&sort=ocpp_id&date_from=yesterday&tenant=x', { key: cpoKey });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/date_from', '/limit', '/sort', '/tenant']);
  });
});

describe('PATCH and DELETE /api/v2/tenants/{id}', () => {
  it('merge-patches with If-Match, then 412 on the stale version', async () => {
    const id = (await post(body())).body.id;
    const ok = await patch(id, { name: 'VvE Parkzicht Utrecht', external_id: null }, { 'if-match': '"1"' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(ok.body).toMatchObject({ name: 'VvE Parkzicht Utrecht', external_id: null, version: 2 });
    const stale = await patch(id, { name: 'Again' }, { 'if-match': '"1"' });
    expect(stale.status).toBe(412);
    expect((await get(id)).body.name).toBe('VvE Parkzicht Utrecht');
  });

  it('deletes with 204 and no body, 409 while a location lives in the tenant', async () => {
    const id = (await post(body())).body.id;
    await makeLocation(id);
    const blocked = await call(item.DELETE, `/api/v2/tenants/${id}`, { key: cpoKey, method: 'DELETE', params: { id } });
    expect(blocked.status).toBe(409);
    const empty = (await post(body())).body.id;
    const res = await call(item.DELETE, `/api/v2/tenants/${empty}`, {
      key: cpoKey,
      method: 'DELETE',
      params: { id: empty },
      headers: { 'if-match': '"1"' },
    });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await get(empty)).status).toBe(404);
    const listed = await call(collection.GET, `/api/v2/tenants?include_deleted=true&q=${encodeURIComponent((await get(id)).body.slug)}`, {
      key: cpoKey,
    });
    expect(listed.body.data.map((t: { id: string }) => t.id)).toEqual([id]);
  });
});

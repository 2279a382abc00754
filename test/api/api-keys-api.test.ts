import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as collection from '@/app/api/v2/api-keys/route';
import * as item from '@/app/api/v2/api-keys/[id]/route';
import * as tenantsCollection from '@/app/api/v2/tenants/route';
import * as locationsCollection from '@/app/api/v2/locations/route';
import { makeApiKey, makeTenant } from '@/test/fixtures';
import { call } from './request';

let own: string;
let adminKey: string;

const post = (payload: unknown, key = adminKey, headers: Record<string, string> = {}) =>
  call(collection.POST, '/api/v2/api-keys', { key, method: 'POST', body: payload, headers });

beforeAll(async () => {
  own = (await makeTenant('Own')).id;
  adminKey = (await makeApiKey('customer_admin', own)).secret;
});

describe('POST /api/v2/api-keys', () => {
  it('creates a key whose secret appears only in the 201 response, works as Bearer, and answers 401 once revoked', async () => {
    const res = await post({ name: 'Salesforce sync', role: 'viewer', tenant_id: own });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v2/api-keys/${res.body.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    const secret: string = res.body.key;
    expect(secret).toMatch(/^clm_/);
    expect(res.body).toMatchObject({
      name: 'Salesforce sync',
      role: 'viewer',
      tenant_id: own,
      prefix: secret.slice(0, 8),
      revoked_at: null,
    });

    const { key: _secret, ...withoutSecret } = res.body;
    const fetched = await call(item.GET, `/api/v2/api-keys/${res.body.id}`, { key: adminKey, params: { id: res.body.id } });
    expect(fetched.body).toEqual(withoutSecret);
    const listed = await call(collection.GET, '/api/v2/api-keys?limit=1000', { key: adminKey });
    expect(listed.body.data).toContainEqual(withoutSecret);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(JSON.stringify(listed.body)).not.toContain('hash');

    const asKey = await call(tenantsCollection.GET, '/api/v2/tenants', { key: secret });
    expect(asKey.status).toBe(200);
    expect(asKey.body.data.map((t: { id: string }) => t.id)).toEqual([own]);
    // A viewer key reads but cannot write.
    const write = await call(locationsCollection.POST, '/api/v2/locations', {
      key: secret,
      method: 'POST',
      body: { name: 'X', address: 'Y', city: 'Z', country: 'NLD', coordinates: { latitude: 52, longitude: 5 } },
    });
    expect(write.status).toBe(403);

    const revoked = await call(item.DELETE, `/api/v2/api-keys/${res.body.id}`, {
      key: adminKey,
      method: 'DELETE',
      params: { id: res.body.id },
    });
    expect(revoked.status).toBe(204);
    expect(revoked.body).toBeUndefined();
    const after = await call(tenantsCollection.GET, '/api/v2/tenants', { key: secret });
    expect(after.status).toBe(401);
    const shown = await call(item.GET, `/api/v2/api-keys/${res.body.id}`, { key: adminKey, params: { id: res.body.id } });
    expect(shown.body).toMatchObject({ revoked_at: expect.any(String), version: 2 });
  });

  it('answers 422 with the offending paths and 403 for a key beyond the caller’s own permissions', async () => {
    const invalid = await post({ id: randomUUID(), name: '', role: 'viewer', tenant_id: own, expires_at: '2001-01-01T00:00:00Z' });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/expires_at', '/id', '/name']);
    const noTenant = await post({ name: 'k', role: 'viewer' });
    expect(noTenant.status).toBe(422);
    expect(noTenant.body.errors).toEqual([{ path: '/tenant_id', message: 'is required for a role held per tenant' }]);
    expect((await post({ name: 'k', role: 'cpo_admin', tenant_id: null })).status).toBe(403);
    const viewerKey = (await makeApiKey('viewer', own)).secret;
    expect((await post({ name: 'k', role: 'viewer', tenant_id: own }, viewerKey)).status).toBe(403);
  });

  it('replays an Idempotency-Key retry with the original response instead of making a second key', async () => {
    const headers = { 'idempotency-key': randomUUID() };
    const first = await post({ name: 'Retry-safe', role: 'viewer', tenant_id: own }, adminKey, headers);
    const retry = await post({ name: 'Retry-safe', role: 'viewer', tenant_id: own }, adminKey, headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
  });
});

describe('GET /api/v2/api-keys', () => {
  it('pages with limit and next_cursor; another tenant’s key is 404', async () => {
    const tenant = (await makeTenant('Paging')).id;
    const key = (await makeApiKey('customer_admin', tenant)).secret;
    const made: string[] = [];
    for (let i = 0; i < 3; i++) made.push((await post({ name: `Paged ${i}`, role: 'viewer', tenant_id: tenant }, key)).body.id);
    const seen: string[] = [];
    let url = '/api/v2/api-keys?q=Paged&limit=2&sort=name';
    for (;;) {
      const res = await call(collection.GET, url, { key });
      seen.push(...res.body.data.map((k: { id: string }) => k.id));
      if (!res.body.next_cursor) break;
      url = `/api/v2/api-keys?q=Paged&limit=2&sort=name&cursor=${encodeURIComponent(res.body.next_cursor)}`;
    }
    expect(seen).toEqual(made);
    const theirs = await call(item.GET, `/api/v2/api-keys/${made[0]}`, { key: adminKey, params: { id: made[0]! } });
    expect(theirs.status).toBe(404);
    expect(
      (await call(item.DELETE, `/api/v2/api-keys/${made[0]}`, { key: adminKey, method: 'DELETE', params: { id: made[0]! } })).status,
    ).toBe(404);
  });
});

import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as collection from '@/app/api/v2/users/route';
import * as item from '@/app/api/v2/users/[id]/route';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { makeApiKey, makeTenant, makeUser } from '@/test/fixtures';
import { call } from './request';

let own: string;
let other: string;
let adminKey: string;

const email = () => `invitee-${randomUUID().slice(0, 8)}@parkzicht.example`;
const post = (payload: unknown, key = adminKey) => call(collection.POST, '/api/v2/users', { key, method: 'POST', body: payload });
const get = (id: string, key = adminKey) => call(item.GET, `/api/v2/users/${id}`, { key, params: { id } });

beforeAll(async () => {
  own = (await makeTenant('Own')).id;
  other = (await makeTenant('Other')).id;
  adminKey = (await makeApiKey('customer_admin', own)).secret;
});

describe('POST /api/v2/users', () => {
  it('invites with a generated password shown once: 201, Location, ETag; the user can sign in', async () => {
    const payload = { email: email(), name: 'Otto Operator', memberships: [{ tenant_id: own, role: 'customer_operator' }] };
    const res = await post(payload);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v2/users/${res.body.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({ ...payload, cpo_role: null, disabled: false, version: 1 });
    const initial: string = res.body.initial_password;
    expect(initial).toHaveLength(20);
    const { initial_password: _shownOnce, ...user } = res.body;
    const fetched = await get(res.body.id);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(user);
    const listed = await call(collection.GET, `/api/v2/users?q=${encodeURIComponent(payload.email)}`, { key: adminKey });
    expect(listed.body).toEqual({ data: [user], next_cursor: null });
    expect(JSON.stringify([fetched.body, listed.body])).not.toMatch(/password|argon2/);
    const signIn = await verifyCredentials(payload.email, initial, '10.9.0.1');
    expect(signIn).toMatchObject({ ok: true, user: { id: res.body.id } });
  });

  it('takes a given password without echoing it; 409 with existing_id on the same e-mail in other case', async () => {
    const address = email();
    const res = await post({
      email: address,
      name: 'Anna',
      password: 'correct-horse-battery-staple',
      memberships: [{ tenant_id: own, role: 'viewer' }],
    });
    expect(res.status).toBe(201);
    expect(JSON.stringify(res.body)).not.toMatch(/password/);
    const clash = await post({ email: address.toUpperCase(), name: 'Anna', memberships: [{ tenant_id: own, role: 'viewer' }] });
    expect(clash.status).toBe(409);
    expect(clash.body.existing_id).toBe(res.body.id);
  });

  it('answers 422 with every offending path and 403 beyond the caller’s permissions', async () => {
    const invalid = await post({
      id: randomUUID(),
      email: 'nope',
      name: 'X',
      password: 'short',
      memberships: [{ tenant_id: 'x', role: 'viewer' }],
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      '/email',
      '/id',
      '/memberships/0/tenant_id',
      '/password',
    ]);
    const outside = await post({ email: email(), name: 'X', memberships: [{ tenant_id: other, role: 'viewer' }] });
    expect(outside.status).toBe(422);
    expect(outside.body.errors).toEqual([{ path: '/memberships/0/tenant_id', message: 'unknown tenant' }]);
    expect((await post({ email: email(), name: 'X', cpo_role: 'cpo_admin' })).status).toBe(403);
    const operatorKey = (await makeApiKey('customer_operator', own)).secret;
    expect((await post({ email: email(), name: 'X', memberships: [{ tenant_id: own, role: 'viewer' }] }, operatorKey)).status).toBe(403);
  });
});

describe('GET /api/v2/users', () => {
  it('pages with limit and next_cursor; a user of another tenant is 404 like a missing one', async () => {
    const tenant = (await makeTenant('Paging')).id;
    const key = (await makeApiKey('customer_admin', tenant)).secret;
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      made.push((await post({ email: email(), name: `Paged ${i}`, memberships: [{ tenant_id: tenant, role: 'viewer' }] }, key)).body.id);
    }
    const seen: string[] = [];
    let url = '/api/v2/users?limit=2&sort=name';
    for (;;) {
      const res = await call(collection.GET, url, { key });
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((u: { id: string }) => u.id));
      if (!res.body.next_cursor) break;
      url = `/api/v2/users?limit=2&sort=name&cursor=${encodeURIComponent(res.body.next_cursor)}`;
    }
    expect(seen).toEqual(made);
    const theirs = await makeUser('viewer', [other]);
    const hidden = await get(theirs.id);
    const missing = await get(randomUUID());
    expect(hidden.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
    expect((await call(collection.GET, '/api/v2/users?role=viewer', { key })).status).toBe(400);
  });
});

describe('PATCH and DELETE /api/v2/users/{id}', () => {
  it('merge-patches with If-Match (412 when stale), then soft-deletes so the user can no longer sign in', async () => {
    const address = email();
    const password = 'correct-horse-battery-staple';
    const id = (await post({ email: address, name: 'Vera', password, memberships: [{ tenant_id: own, role: 'viewer' }] })).body.id;
    const patch = (payload: unknown, ifMatch: string) =>
      call(item.PATCH, `/api/v2/users/${id}`, {
        key: adminKey,
        method: 'PATCH',
        params: { id },
        rawBody: JSON.stringify(payload),
        headers: { 'content-type': 'application/merge-patch+json', 'if-match': ifMatch },
      });
    const ok = await patch({ name: 'Vera Viewer', memberships: [{ tenant_id: own, role: 'customer_operator' }] }, '"1"');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(ok.body).toMatchObject({ name: 'Vera Viewer', memberships: [{ tenant_id: own, role: 'customer_operator' }] });
    expect((await patch({ name: 'Stale' }, '"1"')).status).toBe(412);
    expect((await patch({ version: 7 }, '"2"')).body.errors).toEqual([{ path: '/version', message: 'is read-only' }]);

    const deleted = await call(item.DELETE, `/api/v2/users/${id}`, { key: adminKey, method: 'DELETE', params: { id } });
    expect(deleted.status).toBe(204);
    expect((await get(id)).status).toBe(404);
    expect(await verifyCredentials(address, password, '10.9.0.2')).toEqual({ ok: false, reason: 'invalid' });
  });
});

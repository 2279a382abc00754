import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as collection from '@/app/api/v2/tariffs/route';
import * as item from '@/app/api/v2/tariffs/[id]/route';
import { makeApiKey, makeTenant } from '@/test/fixtures';
import { call } from './request';

let cpoKey: string;
let viewerKey: string;
let own: string;
let other: string;

const code = (prefix = 'API') => `${prefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
const elements = [
  { price_components: [{ type: 'ENERGY', price: 0.35, vat: 21, step_size: 1 }] },
  { price_components: [{ type: 'PARKING_TIME', price: 2, step_size: 60 }], restrictions: { start_time: '22:00', end_time: '07:00' } },
];
const body = (extra: Record<string, unknown> = {}) => ({ id: code(), name: 'AC standard', currency: 'EUR', elements, ...extra });

const post = (payload: unknown, key = cpoKey) => call(collection.POST, '/api/v2/tariffs', { key, method: 'POST', body: payload });
const get = (id: string, key = cpoKey) => call(item.GET, `/api/v2/tariffs/${id}`, { key, params: { id } });
const list = (qs: string, key = cpoKey) => call(collection.GET, `/api/v2/tariffs?${qs}`, { key });

beforeAll(async () => {
  own = (await makeTenant('Own')).id;
  other = (await makeTenant('Other')).id;
  cpoKey = (await makeApiKey('cpo_admin', null)).secret;
  viewerKey = (await makeApiKey('viewer', own)).secret;
});

describe('POST /api/v2/tariffs', () => {
  it('creates: 201, Location header, ETag, the resource as GET returns it; 409 with existing_id on a repeat', async () => {
    const payload = body({ tenant_ids: [own] });
    const res = await post(payload);
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v2/tariffs/${payload.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({ id: payload.id, name: 'AC standard', currency: 'EUR', elements, tenant_ids: [own], version: 1 });
    expect(res.body.created_at).toBe(res.body.updated_at);
    const fetched = await get(payload.id);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(res.body);

    const clash = await post({ ...payload, name: 'Another' });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ status: 409, existing_id: payload.id });
  });

  it('answers 422 listing every invalid path, and 403 for a tenant-scoped key', async () => {
    const invalid = await post({
      id: 'ac-standard',
      currency: 'EURO',
      elements: [{ price_components: [{ type: 'ENERGY', price: -0.1, step_size: 1.5 }] }, { price_components: [] }],
      tenant_ids: ['nope'],
      colour: 'red',
    });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get('content-type')).toBe('application/problem+json');
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      [
        '/colour',
        '/currency',
        '/elements/0/price_components/0/price',
        '/elements/0/price_components/0/step_size',
        '/elements/1/price_components',
        '/id',
        '/tenant_ids/0',
      ].sort(),
    );
    const unknownTenant = await post(body({ tenant_ids: [own, randomUUID()] }));
    expect(unknownTenant.status).toBe(422);
    expect(unknownTenant.body.errors).toEqual([{ path: '/tenant_ids/1', message: 'unknown tenant' }]);

    const forbidden = await post(body(), viewerKey);
    expect(forbidden.status).toBe(403);
  });
});

describe('GET /api/v2/tariffs/{id}', () => {
  it('answers 404 for a tariff not offered to the key’s tenant, exactly as for a missing one', async () => {
    const theirs = (await post(body({ tenant_ids: [other] }))).body.id;
    const everyone = (await post(body())).body.id;
    const notOffered = await get(theirs, viewerKey);
    const missing = await get('NO-SUCH-TARIFF', viewerKey);
    expect(notOffered.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(notOffered.body).toEqual(missing.body);
    const offered = await get(everyone, viewerKey);
    expect(offered.status).toBe(200);
    expect(offered.headers.get('etag')).toBe('"1"');
  });
});

describe('PUT /api/v2/tariffs/{id}', () => {
  it('replaces with If-Match, refuses the stale version with 412 and a changed id with 422', async () => {
    const created = (await post(body({ tenant_ids: [own] }))).body;
    const put = (payload: unknown, ifMatch: string) =>
      call(item.PUT, `/api/v2/tariffs/${created.id}`, {
        key: cpoKey,
        method: 'PUT',
        params: { id: created.id },
        body: payload,
        headers: { 'if-match': ifMatch },
      });
    const replacement = { id: created.id, currency: 'EUR', elements: [elements[0]] };
    const ok = await put(replacement, '"1"');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(ok.body).toMatchObject({ id: created.id, name: null, elements: [elements[0]], tenant_ids: [], version: 2 });
    expect((await put(replacement, '"1"')).status).toBe(412);

    const renamed = await put({ ...replacement, id: 'NEW-CODE' }, '"2"');
    expect(renamed.status).toBe(422);
    expect(renamed.body.errors).toEqual([{ path: '/id', message: 'is read-only' }]);

    const byViewer = await call(item.PUT, `/api/v2/tariffs/${created.id}`, {
      key: viewerKey,
      method: 'PUT',
      params: { id: created.id },
      body: replacement,
    });
    expect(byViewer.status).toBe(403);
  });
});

describe('DELETE /api/v2/tariffs/{id}', () => {
  it('answers 204 with no body; GET is then 404 and include_deleted=true lists it with deleted_at', async () => {
    const prefix = code('GONE');
    const id = (await post(body({ id: `${prefix}-1` }))).body.id;
    const del = (ifMatch?: string) =>
      call(item.DELETE, `/api/v2/tariffs/${id}`, {
        key: cpoKey,
        method: 'DELETE',
        params: { id },
        headers: ifMatch ? { 'if-match': ifMatch } : {},
      });
    expect((await del('"7"')).status).toBe(412);
    const res = await del('"1"');
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await get(id)).status).toBe(404);
    expect((await del()).status).toBe(404);

    expect((await list(`q=${prefix}`)).body).toEqual({ data: [], next_cursor: null });
    const withDeleted = await list(`q=${prefix}&include_deleted=true`);
    expect(withDeleted.body.data).toHaveLength(1);
    expect(withDeleted.body.data[0]).toMatchObject({ id, version: 2, deleted_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });

    const again = await post(body({ id, currency: 'USD' }));
    expect(again.status).toBe(201);
    expect(again.headers.get('etag')).toBe('"3"');
    expect(again.body).toMatchObject({ id, currency: 'USD', version: 3 });
    expect(again.body.deleted_at).toBeUndefined();
  });
});

describe('GET /api/v2/tariffs', () => {
  it('pages with next_cursor until null, each row once, only what the key may see', async () => {
    const prefix = code('LIST');
    const mine = [];
    for (let i = 0; i < 5; i++) mine.push((await post(body({ id: `${prefix}-${i}`, tenant_ids: i === 4 ? [other] : [] }))).body.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: Awaited<ReturnType<typeof list>> = await list(
        `q=${prefix}&limit=2&sort=-id${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        viewerKey,
      );
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.data.map((t: { id: string }) => t.id));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(mine.slice(0, 4).reverse());
  });

  it('answers 400 naming each invalid or unknown query parameter', async () => {
    const res = await list('limit=0&sort=colour&date_from=yesterday&include_deleted=yes&custom_group=x');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['/custom_group', '/date_from', '/include_deleted', '/limit', '/sort'].sort(),
    );
    const foreignCursor = await list('cursor=abc.def');
    expect(foreignCursor.status).toBe(400);
  });
});

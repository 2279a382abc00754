import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as collection from '@/app/api/v2/hardware-templates/route';
import * as item from '@/app/api/v2/hardware-templates/[id]/route';
import { makeApiKey, makeTenant } from '@/test/fixtures';
import { call } from './request';

let cpoKey: string;
let tenantAdminKey: string;
let viewerKey: string;

const connector = { id: '1', standard: 'IEC_62196_T2_COMBO', format: 'CABLE', power_type: 'DC', max_voltage: 920, max_amperage: 500 };
const body = (extra: Record<string, unknown> = {}) => ({
  name: 'Kempower Satellite',
  vendor: 'Kempower',
  model: 'S-Series',
  charger_type: 'DC',
  max_power_kw: 240,
  evses: [{ capabilities: ['REMOTE_START_STOP_CAPABLE'], floor_level: '-1', connectors: [connector] }],
  ...extra,
});
const returnedEvses = [
  {
    capabilities: ['REMOTE_START_STOP_CAPABLE'],
    floor_level: '-1',
    physical_reference: null,
    connectors: [{ ...connector, max_electric_power: null }],
  },
];

const post = (payload: unknown, key = cpoKey) =>
  call(collection.POST, '/api/v2/hardware-templates', { key, method: 'POST', body: payload });
const get = (id: string, key = cpoKey) => call(item.GET, `/api/v2/hardware-templates/${id}`, { key, params: { id } });
const list = (qs: string, key = cpoKey) => call(collection.GET, `/api/v2/hardware-templates?${qs}`, { key });

beforeAll(async () => {
  const own = await makeTenant('Own');
  cpoKey = (await makeApiKey('cpo_admin', null)).secret;
  tenantAdminKey = (await makeApiKey('customer_admin', own.id)).secret;
  viewerKey = (await makeApiKey('viewer', own.id)).secret;
});

describe('POST /api/v2/hardware-templates', () => {
  it('creates: 201, Location header, ETag, the resource as GET returns it (readable by any tenant key)', async () => {
    const res = await post(body());
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v2/hardware-templates/${res.body.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({
      name: 'Kempower Satellite',
      vendor: 'Kempower',
      model: 'S-Series',
      charger_type: 'DC',
      max_power_kw: 240,
      evses: returnedEvses,
      version: 1,
    });
    const fetched = await get(res.body.id, viewerKey);
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('etag')).toBe('"1"');
    expect(fetched.body).toEqual(res.body);
  });

  it('answers 403 to a key holding station:write in one tenant only', async () => {
    const res = await post(body(), tenantAdminKey);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ status: 403, title: 'Forbidden' });
  });

  it('answers 422 listing every invalid path, duplicate connector ids included', async () => {
    const res = await post(
      body({
        id: randomUUID(),
        charger_type: 'DC_FAST',
        evses: [
          { connectors: [connector, { ...connector, standard: 'TYPE2' }] },
          { capabilities: ['TELEPORT'], floor_level: 'basement', connectors: [] },
        ],
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      [
        '/id',
        '/charger_type',
        '/evses/0/connectors/1/standard',
        '/evses/0/connectors/1/id',
        '/evses/1/capabilities/0',
        '/evses/1/floor_level',
        '/evses/1/connectors',
      ].sort(),
    );
  });
});

describe('PATCH and PUT /api/v2/hardware-templates/{id}', () => {
  it('merge-patches with If-Match, refuses the stale version with 412, and PUT clears left-out fields', async () => {
    const id = (await post(body())).body.id;
    const patch = (payload: unknown, ifMatch: string) =>
      call(item.PATCH, `/api/v2/hardware-templates/${id}`, {
        key: cpoKey,
        method: 'PATCH',
        params: { id },
        rawBody: JSON.stringify(payload),
        headers: { 'content-type': 'application/merge-patch+json', 'if-match': ifMatch },
      });
    const ok = await patch({ model: 'S-Series 2', vendor: null }, '"1"');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    expect(ok.body).toMatchObject({ name: 'Kempower Satellite', vendor: null, model: 'S-Series 2', evses: returnedEvses, version: 2 });
    expect((await patch({ model: 'Late' }, '"1"')).status).toBe(412);

    const put = await call(item.PUT, `/api/v2/hardware-templates/${id}`, {
      key: cpoKey,
      method: 'PUT',
      params: { id },
      body: { name: 'Generic AC', charger_type: 'AC' },
    });
    expect(put.status).toBe(200);
    expect(put.headers.get('etag')).toBe('"3"');
    expect(put.body).toMatchObject({
      id,
      name: 'Generic AC',
      vendor: null,
      model: null,
      charger_type: 'AC',
      max_power_kw: null,
      evses: [],
      version: 3,
    });

    const byTenantAdmin = await call(item.PATCH, `/api/v2/hardware-templates/${id}`, {
      key: tenantAdminKey,
      method: 'PATCH',
      params: { id },
      body: { name: 'Mine' },
    });
    expect(byTenantAdmin.status).toBe(403);
  });
});

describe('DELETE /api/v2/hardware-templates/{id}', () => {
  it('answers 204 with no body; GET is then 404 and include_deleted=true lists it with deleted_at', async () => {
    const name = `Gone ${randomUUID()}`;
    const id = (await post(body({ name }))).body.id;
    const res = await call(item.DELETE, `/api/v2/hardware-templates/${id}`, { key: cpoKey, method: 'DELETE', params: { id } });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    expect((await get(id)).status).toBe(404);
    expect((await list(`q=${encodeURIComponent(name)}`)).body).toEqual({ data: [], next_cursor: null });
    const withDeleted = await list(`q=${encodeURIComponent(name)}&include_deleted=true`);
    expect(withDeleted.body.data).toHaveLength(1);
    expect(withDeleted.body.data[0]).toMatchObject({ id, version: 2, deleted_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) });
  });
});

describe('GET /api/v2/hardware-templates', () => {
  it('pages with next_cursor until null, each row once, in name order', async () => {
    const tag = randomUUID().slice(0, 8);
    const names = ['Echo', 'Alpha', 'Delta', 'Bravo', 'Charlie'].map((n) => `${n} ${tag}`);
    for (const name of names) expect((await post(body({ name }))).status).toBe(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: Awaited<ReturnType<typeof list>> = await list(
        `q=${tag}&limit=2&sort=name${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        viewerKey,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((t: { name: string }) => t.name));
      cursor = res.body.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...names].sort());
  });

  it('answers 400 naming each invalid or unknown query parameter', async () => {
    const res = await list('limit=1001&sort=vendor&charger_type=HYBRID&tenant=x');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/charger_type', '/limit', '/sort', '/tenant']);
  });
});

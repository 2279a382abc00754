import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_ENDPOINTS } from '@/lib/api';
import { systemContext } from '@/lib/auth/context';
import type { Endpoint } from '@/lib/http/endpoint';
import { getDb } from '@/lib/db/client';
import { stationCommands } from '@/lib/db/schema';
import { createChargeStation } from '@/lib/services/charge-stations';
import { createLocation } from '@/lib/services/locations';
import { makeApiKey, makeStation, makeTariff, makeTenant, makeUser } from '@/test/fixtures';

// Generated from the endpoint list: every operation × each role × own tenant / other tenant / pool.
const ROLES = ['cpo_admin', 'account_manager', 'customer_admin', 'customer_operator', 'viewer', 'installer'] as const;
type Role = (typeof ROLES)[number];
const SEES_POOL: Role[] = ['cpo_admin', 'installer'];

type World = {
  own: string;
  other: string;
  keys: Record<Role, string>;
  ownLocation: string;
  ownStation: string;
  sharedTariff: string;
  poolStation: string;
  /** A command queued for the other tenant's station (a sub-object reached through it). */
  theirCommand: string;
  /** Objects of the other tenant, by the collection they live in. */
  theirs: Record<string, string>;
};
let world: World;

const place = { address: 'Parklaan 12', city: 'Utrecht', country: 'NLD', coordinates: { latitude: 52.09, longitude: 5.12 } };

beforeAll(async () => {
  const own = (await makeTenant('Own')).id;
  const other = (await makeTenant('Other')).id;
  const system = systemContext();
  const ownLocation = (await createLocation({ ctx: system, input: { tenant_id: own, name: 'Own site', ...place } })).id;
  const theirLocation = (await createLocation({ ctx: system, input: { tenant_id: other, name: 'Their site', ...place } })).id;
  const ownStation = (
    await createChargeStation({
      ctx: system,
      input: {
        ocpp_id: `OWN-${Date.now()}`,
        charger_type: 'AC',
        location_id: ownLocation,
        evses: [
          {
            connectors: [
              { id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 400, max_amperage: 32 },
            ],
          },
        ],
      },
    })
  ).id;
  const theirStation = (
    await createChargeStation({ ctx: system, input: { ocpp_id: `THEIRS-${Date.now()}`, charger_type: 'AC', location_id: theirLocation } })
  ).id;
  const [theirCommand] = await getDb()
    .insert(stationCommands)
    .values({ stationId: theirStation, kind: 'reset', payload: { type: 'SOFT' }, requestedBy: 'test' })
    .returning();
  const keys = {} as Record<Role, string>;
  for (const role of ROLES) keys[role] = (await makeApiKey(role, role === 'cpo_admin' ? null : own)).secret;
  world = {
    own,
    other,
    keys,
    ownLocation,
    ownStation,
    sharedTariff: await makeTariff('SHARED'),
    poolStation: (await makeStation(null)).id,
    theirCommand: theirCommand!.id,
    theirs: {
      locations: theirLocation,
      'charge-stations': theirStation,
      tariffs: await makeTariff('THEIRS', [other]),
      tenants: other,
      users: (await makeUser('customer_admin', [other])).id,
      'api-keys': (await makeApiKey('viewer', other)).key.id,
    },
  };
});

async function call(endpoint: Endpoint, url: string, role: Role, params: Record<string, string>, body?: unknown, method?: string) {
  const definition = endpoint.definition;
  const headers: Record<string, string> = { authorization: `Bearer ${world.keys[role]}` };
  if (body !== undefined) headers['content-type'] = definition.body?.mergePatch ? 'application/merge-patch+json' : 'application/json';
  const request = new NextRequest(new URL(url, 'http://localhost'), {
    method: method ?? definition.method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await endpoint(request, { params: Promise.resolve(params) });
  return { status: response.status, text: await response.text() };
}

const find = (method: string, path: string) => {
  const endpoint = ALL_ENDPOINTS.find((e) => e.definition.method === method && e.definition.path === path);
  if (!endpoint) throw new Error(`no endpoint ${method} ${path}`);
  return endpoint;
};

const collectionOf = (path: string) => path.split('/')[3]!;
const theirIds = () => Object.values(world.theirs);

describe('another tenant’s objects answer 404, exactly like missing ones', () => {
  const byId = ALL_ENDPOINTS.filter((e) => e.definition.path.includes('{id}') && !e.definition.path.includes('hardware-templates'));
  const cases = byId.flatMap((e) =>
    ROLES.filter((r) => r !== 'cpo_admin').map((role) => [`${e.definition.method} ${e.definition.path}`, role, e] as const),
  );

  it.each(cases)('%s as %s', async (_name, role, endpoint) => {
    const id = world.theirs[collectionOf(endpoint.definition.path)]!;
    const params = { id, run_id: '00000000-0000-4000-8000-000000000000', index: '0', command_id: world.theirCommand };
    const url = endpoint.definition.path
      .replace('{id}', id)
      .replace('{run_id}', params.run_id)
      .replace('{index}', params.index)
      .replace('{command_id}', params.command_id);
    const res = await call(endpoint, url, role, params, endpoint.definition.body?.example);
    expect(res.status).toBe(404);
    for (const theirs of theirIds()) expect(res.text).not.toContain(theirs);
  });

  it.each(byId.filter((e) => e.definition.method === 'GET' && !e.definition.path.includes('{run_id}')))(
    'the CPO reads them: $definition.path',
    async (endpoint) => {
      const id = world.theirs[collectionOf(endpoint.definition.path)]!;
      const params = { id, command_id: world.theirCommand };
      const url = endpoint.definition.path.replace('{id}', id).replace('{command_id}', params.command_id);
      const res = await call(endpoint, url, 'cpo_admin', params);
      expect(res.status).toBe(200);
    },
  );
});

describe('lists and exports never contain another tenant’s objects', () => {
  const lists = ALL_ENDPOINTS.filter(
    (e) =>
      e.definition.method === 'GET' && !e.definition.path.includes('{') && e.definition.path.startsWith('/api/v2/') && !e.definition.public,
  );
  const cases = lists.flatMap((e) => ROLES.filter((r) => r !== 'cpo_admin').map((role) => [e.definition.path, role, e] as const));

  it.each(cases)('%s as %s (also with ?tenant=<theirs>)', async (path, role, endpoint) => {
    const exportFormat = path.endsWith('/export') ? 'format=ndjson' : undefined;
    const all = exportFormat ? `${path}?${exportFormat}` : `${path}?limit=1000`;
    const filtered = `${path}?${exportFormat ? `${exportFormat}&` : ''}tenant=${world.other}`;
    for (const url of [all, filtered]) {
      const res = await call(endpoint, url, role, {});
      if (res.status === 400 && url.includes('tenant=')) continue; // the list has no tenant filter
      expect([200, 403]).toContain(res.status);
      for (const theirs of theirIds()) expect(res.text).not.toContain(theirs);
    }
  });
});

describe('the unassigned pool', () => {
  it.each(ROLES)('%s', async (role) => {
    const get = find('GET', '/api/v2/charge-stations/{id}');
    const res = await call(get, `/api/v2/charge-stations/${world.poolStation}`, role, { id: world.poolStation });
    expect(res.status).toBe(SEES_POOL.includes(role) ? 200 : 404);
    const list = await call(find('GET', '/api/v2/charge-stations'), '/api/v2/charge-stations?unlinked=true&limit=1000', role, {});
    expect(list.text.includes(world.poolStation)).toBe(SEES_POOL.includes(role));
  });
});

describe('own tenant: each role gets exactly what the permission matrix grants', () => {
  type Check = { name: string; allowed: Role[]; okStatus: number; run: (role: Role) => Promise<{ status: number }> };
  const WRITERS: Role[] = ['cpo_admin', 'account_manager', 'customer_admin', 'customer_operator'];
  const LINKERS: Role[] = ['cpo_admin', 'account_manager', 'customer_admin', 'installer'];
  const ADMINS: Role[] = ['cpo_admin', 'account_manager', 'customer_admin'];
  const checks: Check[] = [
    {
      name: 'GET own location',
      allowed: [...ROLES],
      okStatus: 200,
      run: (r) => call(find('GET', '/api/v2/locations/{id}'), `/x/${world.ownLocation}`, r, { id: world.ownLocation }),
    },
    {
      name: 'PATCH own location',
      allowed: WRITERS,
      okStatus: 200,
      run: (r) => call(find('PATCH', '/api/v2/locations/{id}'), '/x', r, { id: world.ownLocation }, { remarks: `by ${r}` }),
    },
    {
      name: 'availability',
      allowed: WRITERS,
      okStatus: 202,
      run: (r) =>
        call(find('POST', '/api/v2/charge-stations/{id}/availability'), '/x', r, { id: world.ownStation }, { availability: 'OPERATIVE' }),
    },
    {
      name: 'reset',
      allowed: WRITERS,
      okStatus: 202,
      run: (r) => call(find('POST', '/api/v2/charge-stations/{id}/reset'), '/x', r, { id: world.ownStation }, { type: 'SOFT' }),
    },
    {
      name: 'station commands',
      allowed: [...ROLES],
      okStatus: 200,
      run: (r) => call(find('GET', '/api/v2/charge-stations/{id}/commands'), '/x', r, { id: world.ownStation }),
    },
    {
      name: 'OCPP message log',
      allowed: [...ROLES],
      okStatus: 200,
      run: (r) => call(find('GET', '/api/v2/charge-stations/{id}/ocpp-messages'), '/x', r, { id: world.ownStation }),
    },
    {
      name: 'tariffs',
      allowed: WRITERS,
      okStatus: 200,
      run: (r) =>
        call(find('PUT', '/api/v2/charge-stations/{id}/tariffs'), '/x', r, { id: world.ownStation }, { tariff_ids: [world.sharedTariff] }),
    },
    {
      name: 'commissioning test',
      allowed: LINKERS,
      okStatus: 201,
      run: (r) => call(find('POST', '/api/v2/charge-stations/{id}/tests'), '/x', r, { id: world.ownStation }),
    },
    {
      name: 'link',
      allowed: LINKERS,
      okStatus: 200,
      run: (r) =>
        call(find('POST', '/api/v2/charge-stations/{id}/link'), '/x', r, { id: world.ownStation }, { location_id: world.ownLocation }),
    },
    {
      name: 'delete a station',
      allowed: ADMINS,
      okStatus: 204,
      run: async (r) => {
        const station = await makeStation(world.own);
        return call(find('DELETE', '/api/v2/charge-stations/{id}'), '/x', r, { id: station.id });
      },
    },
    {
      name: 'create a tenant',
      allowed: ['cpo_admin'],
      okStatus: 201,
      run: (r) =>
        call(find('POST', '/api/v2/tenants'), '/x', r, {}, { slug: `t-${r.replace('_', '-')}-${Date.now()}`, name: 'New', kind: 'B2B' }),
    },
    {
      name: 'read the audit log',
      allowed: ROLES.filter((r) => r !== 'installer'),
      okStatus: 200,
      run: (r) => call(find('GET', '/api/v2/audit-events'), '/api/v2/audit-events', r, {}),
    },
  ];
  const cases = checks.flatMap((check) => ROLES.map((role) => [check.name, role, check] as const));

  it.each(cases)('%s as %s', async (_name, role, check) => {
    const res = await check.run(role);
    expect(res.status).toBe(check.allowed.includes(role) ? check.okStatus : 403);
  });
});

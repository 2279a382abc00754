import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_ENDPOINTS } from '@/lib/api';
import { systemContext } from '@/lib/auth/context';
import type { Endpoint } from '@/lib/http/endpoint';
import { createChargeStation } from '@/lib/services/charge-stations';
import { createLocation } from '@/lib/services/locations';
import { makeApiKey, makeTariff, makeTenant, makeUser } from '@/test/fixtures';

// Generated over every operation: bad credentials are a 401 problem, and no malformed input,
// whatever field it hits, ever produces a 500.
let cpoKey: string;
let revokedKey: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const tenant = (await makeTenant('Input')).id;
  const system = systemContext();
  cpoKey = (await makeApiKey('cpo_admin', null)).secret;
  revokedKey = (await makeApiKey('cpo_admin', null, { revokedAt: new Date() })).secret;
  const place = { address: 'Parklaan 12', city: 'Utrecht', country: 'NLD', coordinates: { latitude: 52.09, longitude: 5.12 } };
  ids.locations = (await createLocation({ ctx: system, input: { tenant_id: tenant, name: 'Input', ...place } })).id;
  ids['charge-stations'] = (
    await createChargeStation({ ctx: system, input: { ocpp_id: `IN-${Date.now()}`, charger_type: 'AC', tenant_id: tenant } })
  ).id;
  ids.tariffs = await makeTariff('INPUT');
  ids.tenants = tenant;
  ids.users = (await makeUser('viewer', [tenant])).id;
  ids['api-keys'] = (await makeApiKey('viewer', tenant)).key.id;
  ids['hardware-templates'] = '00000000-0000-4000-8000-000000000000';
});

function request(endpoint: Endpoint, authorization: string | undefined, body?: string, contentType?: string) {
  const { definition } = endpoint;
  const id = ids[definition.path.split('/')[3]!] ?? 'x';
  const url = definition.path.replace('{id}', id).replace('{run_id}', '00000000-0000-4000-8000-000000000000');
  const headers: Record<string, string> = {};
  if (authorization) headers.authorization = authorization;
  if (body !== undefined) headers['content-type'] = contentType ?? 'application/json';
  const req = new NextRequest(new URL(url, 'http://localhost'), { method: definition.method, headers, body });
  return endpoint(req, { params: Promise.resolve({ id, run_id: '00000000-0000-4000-8000-000000000000' }) });
}

const protectedEndpoints = ALL_ENDPOINTS.filter((e) => !e.definition.public);
const withBody = ALL_ENDPOINTS.filter((e) => e.definition.body);
const name = (e: Endpoint) => `${e.definition.method} ${e.definition.path}`;

describe('401 for unknown or revoked keys on every protected operation', () => {
  it.each(protectedEndpoints.map((e) => [name(e), e] as const))('%s', async (_n, endpoint) => {
    for (const authorization of ['Bearer not-a-key-at-all', `Bearer ${revokedKey}`, 'Basic Zm9vOmJhcg==']) {
      const response = await request(
        endpoint,
        authorization,
        endpoint.definition.body ? JSON.stringify(endpoint.definition.body.example) : undefined,
      );
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
    }
  });
});

describe('malformed bodies are 4xx with a problem, never 500', () => {
  const WRONG_VALUES: unknown[] = [{}, [], 'text\u0000with NUL', '\ud800', 1e308, -1, true, null, 'x'.repeat(5000)];

  it.each(withBody.map((e) => [name(e), e] as const))('%s', async (_n, endpoint) => {
    const example = endpoint.definition.body!.example as Record<string, unknown>;
    const cpo = `Bearer ${cpoKey}`;
    const bodies: string[] = ['', 'not json', '[]', '"string"', '{"a":', JSON.stringify({ ...example, unknown_field: 1 })];
    for (const key of Object.keys(example)) {
      for (const value of WRONG_VALUES) bodies.push(JSON.stringify({ ...example, [key]: value }));
    }
    for (const body of bodies) {
      const response = await request(
        endpoint,
        cpo,
        body,
        endpoint.definition.body!.mergePatch ? 'application/merge-patch+json' : undefined,
      );
      expect(response.status, `${body.slice(0, 80)} → ${response.status}`).toBeGreaterThanOrEqual(200);
      expect(response.status, `${body.slice(0, 80)} → ${await response.clone().text()}`).toBeLessThan(500);
      if (response.status >= 400) expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    const wrongType = await request(endpoint, cpo, JSON.stringify(example), 'text/plain');
    expect(wrongType.status).toBe(415);
  });

  it.each(ALL_ENDPOINTS.filter((e) => e.definition.query).map((e) => [name(e), e] as const))(
    '%s rejects bad query parameters with 400',
    async (_n, endpoint) => {
      for (const query of ['limit=0', 'limit=abc', 'cursor=garbage', 'date_from=yesterday', 'sort=nonsense', 'nope=1']) {
        const { definition } = endpoint;
        const format = definition.path.endsWith('/export') ? 'format=csv&' : '';
        const req = new NextRequest(new URL(`${definition.path}?${format}${query}`, 'http://localhost'), {
          headers: { authorization: `Bearer ${cpoKey}` },
        });
        const response = await endpoint(req, { params: Promise.resolve({}) });
        expect(response.status, `${definition.path}?${query}`).toBe(400);
      }
    },
  );
});

import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_ENDPOINTS } from '@/lib/api';
import { systemContext } from '@/lib/auth/context';
import type { Endpoint } from '@/lib/http/endpoint';
import { buildOpenApiDocument } from '@/lib/openapi/document';
import { PROBLEM_ERRORS_MAX } from '@/lib/schemas/problem';
import { createChargeStation } from '@/lib/services/charge-stations';
import { createHardwareTemplate } from '@/lib/services/hardware-templates';
import { createLocation } from '@/lib/services/locations';
import { createWebhook } from '@/lib/services/webhooks';
import { makeApiKey, makeTariff, makeTenant, makeUser } from '@/test/fixtures';

// The bounds the OpenAPI document states are the bounds the server enforces: for every operation,
// a value one past a documented maxLength, maxItems or maximum is refused at its path — 422 in a
// body, 400 in a query or path parameter. The bounds are read from the document, so a bound that
// is documented but not enforced (or the other way round) fails here.

type Schema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  maxLength?: number;
  maxItems?: number;
  maximum?: number;
  anyOf?: Schema[];
};
type Operation = {
  parameters?: { name: string; in: string; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, { $ref: string }> }>;
  security?: unknown[];
};

const document = buildOpenApiDocument(ALL_ENDPOINTS);
const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
const resolve = (schema: Schema): Schema => (schema.$ref ? resolve(schemas[schema.$ref.split('/').pop()!]!) : schema);
const operation = (e: Endpoint) =>
  (document.paths as Record<string, Record<string, Operation>>)[e.definition.path]![e.definition.method.toLowerCase()]!;
const name = (e: Endpoint) => `${e.definition.method} ${e.definition.path}`;
const types = (s: Schema) => [s.type ?? []].flat();

/** A value one past the schema's documented bound, or undefined when it states none. */
function overBound(schema: Schema, sample: unknown): unknown {
  const s = resolve(schema);
  if (types(s).includes('string') && s.maxLength !== undefined) return 'a'.repeat(s.maxLength + 1);
  if (types(s).includes('array') && s.maxItems !== undefined) {
    return Array.from({ length: s.maxItems + 1 }, () => (Array.isArray(sample) && sample.length ? sample[0] : 'a'));
  }
  if (types(s).includes('integer') && s.maximum !== undefined) return s.maximum + 1;
  return undefined;
}

let cpoKey: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const tenant = (await makeTenant('Bounds')).id;
  const system = systemContext();
  cpoKey = (await makeApiKey('cpo_admin', null)).secret;
  const place = { address: 'Parklaan 12', city: 'Utrecht', country: 'NLD', coordinates: { latitude: 52.09, longitude: 5.12 } };
  ids.locations = (await createLocation({ ctx: system, input: { tenant_id: tenant, name: 'Bounds', ...place } })).id;
  ids['charge-stations'] = (
    await createChargeStation({ ctx: system, input: { ocpp_id: `BD-${Date.now()}`, charger_type: 'AC', tenant_id: tenant } })
  ).id;
  ids.tariffs = await makeTariff('BOUNDS');
  ids.tenants = tenant;
  ids.users = (await makeUser('viewer', [tenant])).id;
  ids['api-keys'] = (await makeApiKey('viewer', tenant)).key.id;
  ids.webhooks = (
    await createWebhook({
      ctx: system,
      input: { url: 'https://hooks.example.com/bounds', events: ['location.created'], tenant_id: tenant, enabled: false },
    })
  ).id;
  ids['hardware-templates'] = (await createHardwareTemplate({ ctx: system, input: { name: 'Bounds', charger_type: 'AC' } })).id;
});

const RUN_ID = '00000000-0000-4000-8000-000000000000';

async function send(
  endpoint: Endpoint,
  options: { body?: unknown; query?: string; params?: Record<string, string>; headers?: Record<string, string> },
) {
  const { definition } = endpoint;
  const params: Record<string, string> = {
    id: ids[definition.path.split('/')[3]!] ?? 'x',
    run_id: RUN_ID,
    command_id: RUN_ID,
    index: '0',
    ...options.params,
  };
  const path = definition.path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(params[key]!));
  const url = `${path}${options.query ? `?${options.query}` : ''}`;
  const headers: Record<string, string> = { authorization: `Bearer ${cpoKey}`, ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] = definition.body?.mergePatch ? 'application/merge-patch+json' : 'application/json';
  }
  const request = new NextRequest(new URL(url, 'http://localhost'), { method: definition.method, headers, body });
  const response = await endpoint(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, problem: (text ? JSON.parse(text) : {}) as { errors?: { path: string }[] } };
}

const paths = (problem: { errors?: { path: string }[] }) => (problem.errors ?? []).map((e) => e.path);

const bodyProperties = (e: Endpoint) => resolve(operation(e).requestBody!.content['application/json']!.schema).properties ?? {};
const withBoundedBody = ALL_ENDPOINTS.filter(
  (e) => e.definition.body && Object.values(bodyProperties(e)).some((schema) => overBound(schema, undefined) !== undefined),
);

describe('a body value past its documented bound is a 422 at its path', () => {
  it.each(withBoundedBody.map((e) => [name(e), e] as const))('%s', async (_n, endpoint) => {
    const example = endpoint.definition.body!.example as Record<string, unknown>;
    const bounded = Object.entries(bodyProperties(endpoint)).flatMap(([key, schema]) => {
      const value = overBound(schema, example[key]);
      return value === undefined ? [] : [[key, value] as const];
    });
    for (const [key, value] of bounded) {
      const { status, problem } = await send(endpoint, { body: { ...example, [key]: value } });
      expect(status, `${key}: ${JSON.stringify(problem)}`).toBe(422);
      expect(paths(problem), key).toContain(`/${key}`);
    }
  });

  const createStation = ALL_ENDPOINTS.find((e) => e.definition.operationId === 'createChargeStation')!;
  const createLocationEndpoint = ALL_ENDPOINTS.find((e) => e.definition.operationId === 'createLocation')!;

  it('nested: a connector rating past its maximum, too many connectors, a too-long string inside an object', async () => {
    const station = createStation.definition.body!.example as { evses: { connectors: Record<string, unknown>[] }[] };
    const connector = station.evses[0]!.connectors[0]!;
    const connectorSchema = resolve(schemas.ChargeStationCreate!.properties!.evses!).items!.properties!.connectors!;
    const voltage = resolve(connectorSchema).items!.properties!.max_voltage!;
    expect(voltage).toMatchObject({ type: 'integer', format: 'int32', minimum: 1, maximum: 2000 });

    const tooHigh = { ...station, evses: [{ ...station.evses[0], connectors: [{ ...connector, max_voltage: 2001 }] }] };
    const high = await send(createStation, { body: tooHigh });
    expect(high.status).toBe(422);
    expect(paths(high.problem)).toContain('/evses/0/connectors/0/max_voltage');

    const nine = Array.from({ length: resolve(connectorSchema).maxItems! + 1 }, (_, i) => ({ ...connector, id: String(i + 1) }));
    const many = await send(createStation, { body: { ...station, evses: [{ ...station.evses[0], connectors: nine }] } });
    expect(many.status).toBe(422);
    expect(paths(many.problem)).toContain('/evses/0/connectors');

    const location = createLocationEndpoint.definition.body!.example as Record<string, unknown>;
    const contractor = resolve(schemas.LocationCreate!.properties!.maintenance!).properties!.contractor!;
    expect(contractor.maxLength).toBe(255);
    const long = await send(createLocationEndpoint, { body: { ...location, maintenance: { contractor: 'a'.repeat(256) } } });
    expect(long.status).toBe(422);
    expect(paths(long.problem)).toContain('/maintenance/contractor');
  });

  it(`lists at most ${PROBLEM_ERRORS_MAX} errors, each path cut to length, as the Problem schema states`, async () => {
    const problem = schemas.Problem!.properties!.errors!;
    expect(problem.maxItems).toBe(PROBLEM_ERRORS_MAX);
    const pathMax = resolve(problem.items!).properties!.path!.maxLength!;
    const unknown = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`field_${i}`, 1]));
    const many = await send(createLocationEndpoint, { body: { ...unknown, ['k'.repeat(5000)]: 1 } });
    expect(many.status).toBe(422);
    expect(many.problem.errors).toHaveLength(PROBLEM_ERRORS_MAX);
    const long = await send(createLocationEndpoint, { body: { ['k'.repeat(5000)]: 1 } });
    expect(long.status).toBe(422);
    expect(paths(long.problem).every((p) => p.length <= pathMax)).toBe(true);
  });
});

describe('a query, path or header parameter past its documented bound is a 400', () => {
  const withParameters = ALL_ENDPOINTS.filter((e) => operation(e).parameters?.some((p) => overBound(p.schema, undefined) !== undefined));

  it.each(withParameters.map((e) => [name(e), e] as const))('%s', async (_n, endpoint) => {
    const format = endpoint.definition.path.endsWith('/export') ? 'format=csv&' : '';
    for (const parameter of operation(endpoint).parameters!) {
      const value = overBound(parameter.schema, undefined);
      if (value === undefined) continue;
      const where = `${parameter.in} ${parameter.name}`;
      if (parameter.in === 'query') {
        const { status, problem } = await send(endpoint, { query: `${format}${parameter.name}=${encodeURIComponent(String(value))}` });
        expect(status, where).toBe(400);
        expect(paths(problem), where).toContain(`/${parameter.name}`);
      } else if (parameter.in === 'path') {
        const { status } = await send(endpoint, { params: { [parameter.name]: String(value) }, query: format.slice(0, -1) });
        expect(status, where).toBe(400);
      } else if (parameter.name === 'Idempotency-Key') {
        const body = endpoint.definition.body?.example;
        const { status } = await send(endpoint, { body, headers: { [parameter.name]: String(value) } });
        expect(status, where).toBe(400);
      }
    }
  });
});

describe('the document declares rate limits, Retry-After and CORS on the responses that carry them', () => {
  const RATE_LIMIT = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'];
  const ref = (header: string) => ({ $ref: `#/components/headers/${header}` });

  it('declares each header once under components.headers', () => {
    expect(Object.keys(document.components?.headers ?? {})).toEqual(
      expect.arrayContaining([...RATE_LIMIT, 'Retry-After', 'Access-Control-Allow-Origin']),
    );
    expect(document.servers).toEqual([expect.objectContaining({ url: '/', 'x-internal': false })]);
  });

  it.each(ALL_ENDPOINTS.map((e) => [name(e), e] as const))('%s', (_n, endpoint) => {
    const { responses } = operation(endpoint);
    for (const [status, response] of Object.entries(responses)) {
      expect(response.headers?.['Access-Control-Allow-Origin'], status).toEqual(ref('Access-Control-Allow-Origin'));
      const limited = !endpoint.definition.public && /^[24]/.test(status);
      for (const header of RATE_LIMIT) expect(response.headers?.[header], `${status} ${header}`).toEqual(limited ? ref(header) : undefined);
    }
    for (const status of endpoint.definition.public ? ['503'] : ['429', '503']) {
      expect(responses[status]?.content, status).toHaveProperty(['application/problem+json']);
      expect(responses[status]?.headers?.['Retry-After'], status).toEqual(ref('Retry-After'));
    }
  });
});

describe('responses state the same bounds as the requests that write them', () => {
  const PAIRS = [
    ['LocationCreate', 'Location'],
    ['ChargeStationCreate', 'ChargeStation'],
    ['TariffCreate', 'Tariff'],
    ['TenantCreate', 'Tenant'],
    ['UserCreate', 'User'],
    ['ApiKeyCreate', 'ApiKey'],
    ['HardwareTemplateCreate', 'HardwareTemplate'],
  ] as const;

  it.each(PAIRS)('%s → %s', (request, response) => {
    const written = resolve(schemas[request]!).properties!;
    const shown = resolve(schemas[response]!).properties!;
    const bounds = (s: Schema) => {
      const r = resolve(s);
      return { maxLength: r.maxLength, maxItems: r.maxItems, maximum: r.maximum };
    };
    for (const key of Object.keys(written).filter((k) => k in shown)) {
      expect(bounds(shown[key]!), key).toEqual(bounds(written[key]!));
    }
  });
});

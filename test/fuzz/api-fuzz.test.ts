import fc from 'fast-check';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '@/lib/http/endpoint';
import { changedTables, checksumPlan, checksums, type Checksums } from './checksum';
import { useOwnDatabase } from './database';
import { requestArbitraries, type Fixtures, type FuzzRequest, type OpenApiDocument } from './requests';
import { REGRESSIONS } from './regressions';

// Requests generated from the OpenAPI document, all of them wrong in some way (or reads): every
// answer is a 4xx problem+json (a read may succeed), none is a 5xx, and no rejected request
// changes a row. FUZZ_RUNS sets the size (`npm run test:fuzz`: 10,000), FUZZ_SEED replays a run.
const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

let database: Awaited<ReturnType<typeof useOwnDatabase>>;
let endpoints: Map<string, Endpoint>;
let fixtures: Fixtures;
let document: OpenApiDocument;

beforeAll(async () => {
  // Before the first query: its own database, and no rate limit (tested elsewhere) to hide answers behind 429s.
  process.env.RATE_LIMIT_PER_MINUTE = '0';
  database = await useOwnDatabase();
  const { ALL_ENDPOINTS } = await import('@/lib/api');
  const { buildOpenApiDocument } = await import('@/lib/openapi/document');
  const { getSql } = await import('@/lib/db/client');
  const [row] = await getSql()<{ current: string }[]>`select current_database() as current`;
  expect(row?.current).toBe(database.name);
  endpoints = new Map(ALL_ENDPOINTS.map((e) => [`${e.definition.method} ${e.definition.path}`, e]));
  document = buildOpenApiDocument(ALL_ENDPOINTS) as unknown as OpenApiDocument;
  fixtures = await makeFixtures();
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

async function makeFixtures(): Promise<Fixtures> {
  const { makeApiKey, makeLocation, makeStation, makeTariff, makeTenant, makeUser } = await import('@/test/fixtures');
  const tenant = await makeTenant('Fuzz');
  const location = await makeLocation(tenant.id);
  const station = await makeStation(tenant.id, location.id);
  const cpo = (await makeApiKey('cpo_admin', null)).secret;
  const template = await send(
    {
      operation: 'POST /api/v2/hardware-templates',
      kind: 'setup',
      method: 'POST',
      url: 'http://localhost/api/v2/hardware-templates',
      params: {},
      headers: { authorization: `Bearer ${cpo}`, 'content-type': 'application/json' },
      body: JSON.stringify(endpoints.get('POST /api/v2/hardware-templates')!.definition.body!.example),
      expect: 201,
    },
    true,
  );
  const stationPath = '/api/v2/charge-stations/{id}';
  const { systemContext } = await import('@/lib/auth/context');
  const { createWebhook, sendTestWebhook } = await import('@/lib/services/webhooks');
  const { createImport } = await import('@/lib/services/imports');
  const system = systemContext();
  const webhook = await createWebhook({
    ctx: system,
    input: { url: 'https://hooks.example.com/fuzz', events: ['location.created'], tenant_id: tenant.id, enabled: false },
  });
  const delivery = await sendTestWebhook({ ctx: system, id: webhook.id });
  const file = `tenant_id,name,address,city,country,latitude,longitude\n${tenant.id},Fuzz,Laan 1,Utrecht,NLD,52.1,5.1\n`;
  const imported = await createImport({
    ctx: system,
    entity: 'locations',
    dryRun: true,
    mediaType: 'text/csv',
    body: new Blob([file]).stream(),
  });
  return {
    keys: {
      cpo,
      viewer: (await makeApiKey('viewer', tenant.id)).secret,
      revoked: (await makeApiKey('cpo_admin', null, { revokedAt: new Date() })).secret,
    },
    ids: {
      '/api/v2/locations/{id}:id': location.id,
      '/api/v2/tariffs/{id}:id': await makeTariff('FUZZ', [tenant.id]),
      '/api/v2/hardware-templates/{id}:id': String(template.json.id),
      '/api/v2/tenants/{id}:id': tenant.id,
      '/api/v2/users/{id}:id': (await makeUser('viewer', [tenant.id])).id,
      '/api/v2/api-keys/{id}:id': (await makeApiKey('viewer', tenant.id)).key.id,
      '/api/v2/webhooks/{id}:id': webhook.id,
      '/api/v2/webhooks/{id}/deliveries:id': webhook.id,
      '/api/v2/webhooks/{id}/test:id': webhook.id,
      '/api/v2/webhooks/{id}/deliveries/{delivery_id}/retry:id': webhook.id,
      delivery_id: delivery.id,
      '/api/v2/imports/{id}:id': imported.id,
      '/api/v2/imports/{id}/error-report:id': imported.id,
      [`${stationPath}:id`]: station.id,
      id: station.id,
      run_id: '6f1c1c53-1b59-4f7e-9d0a-7a3c7d7e2b10',
      command_id: '6f1c1c53-1b59-4f7e-9d0a-7a3c7d7e2b11',
      index: '0',
    },
  };
}

type Answer = { status: number; type: string | null; text: string; json: Record<string, unknown> };

/** Serves one request through the real route handler, as Next.js would call it. */
async function send(request: FuzzRequest, raw = false): Promise<Answer> {
  const endpoint = endpoints.get(request.operation)!;
  const next = new NextRequest(request.url, {
    method: request.method,
    headers: request.headers,
    body: typeof request.body === 'string' ? request.body : request.body && new Uint8Array(request.body),
  });
  const response = await endpoint(next, { params: Promise.resolve(request.params) });
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : {};
  } catch {
    json = { unparsable: true };
  }
  const answer = { status: response.status, type: response.headers.get('content-type'), text, json };
  if (raw && answer.status !== request.expect) throw new Error(`${request.operation} answered ${answer.status}: ${text}`);
  return answer;
}

/** What is wrong with an answer to `request`, or null. */
function complaint(request: FuzzRequest, answer: Answer): string | null {
  if (answer.status >= 500) return `${answer.status}`;
  if (typeof request.expect === 'number' && answer.status !== request.expect) return `expected ${request.expect}, got ${answer.status}`;
  if (request.expect !== 'read' && answer.status < 400) return `accepted (${answer.status})`;
  if (answer.status < 400) return null;
  if (answer.type !== 'application/problem+json') return `${answer.status} as ${answer.type}`;
  const { type, title, status, detail } = answer.json;
  if (typeof type !== 'string' || typeof title !== 'string' || status !== answer.status || typeof detail !== 'string') {
    return `${answer.status} without type/title/status/detail: ${answer.text.slice(0, 200)}`;
  }
  return null;
}

type Finding = { request: FuzzRequest; problem: string; answer: string };

/** Sends each request, checking the answer and, after every write attempt, that no row changed. */
async function exercise(
  requests: Iterable<FuzzRequest>,
  findings: Finding[],
  count: (request: FuzzRequest, status: number) => void = () => {},
) {
  let before: Checksums = await checksums();
  for (const request of requests) {
    const answer = await send(request);
    count(request, answer.status);
    const problem = complaint(request, answer);
    if (problem) findings.push({ request, problem, answer: answer.text.slice(0, 300) });
    if (request.method !== 'GET') {
      const after = await checksums();
      const changed = changedTables(before, after);
      if (changed.length)
        findings.push({
          request,
          problem: `rows changed in ${changed.join(', ')}`,
          answer: `${answer.status} ${answer.text.slice(0, 200)}`,
        });
      before = after;
    }
  }
}

const describeFinding = ({ request, problem, answer }: Finding) => {
  const body = typeof request.body === 'string' ? request.body.slice(0, 700) : request.body ? `<${request.body.byteLength} bytes>` : '';
  return `${problem} ← [${request.kind}] ${request.method} ${request.url.slice(0, 160)} ${JSON.stringify(request.headers).slice(0, 160)} ${body}\n   ${answer}`;
};

describe('API fuzzing from the OpenAPI document', () => {
  it('fixed regression cases (findings of earlier runs)', async () => {
    const findings: Finding[] = [];
    await exercise(REGRESSIONS(fixtures), findings);
    expect(findings.map(describeFinding)).toEqual([]);
  });

  it('control: the checksums see an accepted write', async () => {
    const before = await checksums();
    const location = fixtures.ids['/api/v2/locations/{id}:id']!;
    await send(
      {
        operation: 'PATCH /api/v2/locations/{id}',
        kind: 'control',
        method: 'PATCH',
        url: `http://localhost/api/v2/locations/${location}`,
        params: { id: location },
        headers: { authorization: `Bearer ${fixtures.keys.cpo}`, 'content-type': 'application/merge-patch+json' },
        body: JSON.stringify({ remarks: `control ${Date.now()}` }),
        expect: 200,
      },
      true,
    );
    expect(changedTables(before, await checksums())).toEqual(expect.arrayContaining(['locations', 'audit_events']));
  });

  it(`${RUNS} generated requests: only 4xx problem+json, no 5xx, no row changed`, { timeout: 3_600_000 }, async () => {
    const plan = await checksumPlan();
    const arbitraries = requestArbitraries(document, [...endpoints.values()], fixtures);
    const operations = new Set(
      [...endpoints.values()].filter((e) => !e.definition.public).map((e) => `${e.definition.method} ${e.definition.path}`),
    );
    const findings: Finding[] = [];
    const stats = new Map<string, number>();
    const kinds = new Map<string, number>();
    const statuses = new Map<number, number>();
    const started = Date.now();
    const bump = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
    const count = (request: FuzzRequest, status: number) => {
      bump(stats, request.operation);
      bump(kinds, request.kind);
      bump(statuses, status);
    };
    // Drawn in chunks (a chunk's seed is the run's seed + its index) so big bodies do not pile up in memory.
    const seed = SEED ?? Date.now() % 2 ** 31;
    const chunk = 250;
    for (let done = 0, index = 0; done < RUNS; done += chunk, index += 1) {
      const requests = fc.sample(fc.oneof(...arbitraries), { numRuns: Math.min(chunk, RUNS - done), seed: seed + index });
      await exercise(requests, findings, count);
    }
    // The draw is weighted, so a rarely drawn operation can be missed: it gets one request of its own.
    const missed = [...operations].filter((o) => !stats.has(o));
    for (const operation of missed) {
      const own = arbitraries.filter((a) => a.operation === operation);
      await exercise(fc.sample(fc.oneof(...own), { numRuns: 1, seed }), findings, count);
    }
    const seconds = (Date.now() - started) / 1000;
    const fiveHundreds = findings.filter((f) => /^5\d\d/.test(f.problem)).length;
    console.log(
      `fuzz (FUZZ_SEED=${seed}): ${RUNS} requests over ${stats.size}/${operations.size} operations in ${seconds.toFixed(1)} s; ${fiveHundreds} × 5xx; ${findings.length} findings\n` +
        `  kinds: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}\n` +
        `  statuses: ${[...statuses]
          .sort(([a], [b]) => a - b)
          .map(([s, n]) => `${s} ${n}`)
          .join(', ')}\n` +
        `  checksummed tables: ${plan.tables.length}; skipped: ${plan.skippedTables.join(', ') || 'none'}, columns ${JSON.stringify(plan.skippedColumns)}`,
    );
    expect(findings.slice(0, 30).map(describeFinding)).toEqual([]);
    if (RUNS >= 1000) expect([...operations].filter((o) => !stats.has(o))).toEqual([]);
  });
});

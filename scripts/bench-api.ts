// The API against its baseline (scripts/bench-baseline.ts: node:http + postgres.js, no framework,
// no auth) in one run on the same data: each scenario first proves both answer the same JSON for
// the same requests, then alternates rounds between the two so the machine's noise falls on both
// sides. Ratios, not absolute times, are the figures.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { apiKeyPrefix, hashApiKeySecret } from '@/lib/auth/api-key-secret';
import { rssBytes, waitForHealth } from './bench-helpers';

export type Side = { reqPerSec: number; p50: number; p99: number };
export type ScenarioResult = {
  scenario: string;
  compared: number;
  product: Side;
  baseline: Side;
  ratio: number;
  roundRatios: number[];
  target: string;
  met: boolean;
};
/** One long request per side (exports, full syncs): seconds and how much the server grew meanwhile. */
export type TransferSide = { seconds: number; bytes: number; rssGrowth: number };
export type TransferResult = {
  scenario: string;
  product: TransferSide;
  baseline: TransferSide;
  /** product time / baseline time. */
  timeRatio: number;
  check: string;
  target: string;
  met: boolean;
};

type Options = {
  databaseUrl: string;
  productBase: string;
  productPid: number;
  baselinePort: number;
  apiKey: { secret: string; tenant: string };
  rounds: number;
  seconds: number;
  tsx: string[];
  /** The product's environment (DATABASE_URL, AUTH_SECRET: the baseline signs cursors as it does). */
  env: NodeJS.ProcessEnv;
};

/** A CPO-wide key for the whole-estate scenarios (exports, sync); made once in the bench database. */
export const CPO_KEY_SECRET = 'clm_bench_cpo_wide_key';

type Caller = { product: Record<string, string>; baseline: Record<string, string> };

export async function apiVersusBaseline(options: Options): Promise<{ rates: ScenarioResult[]; transfers: TransferResult[] }> {
  const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  const [tenant] = await sql<{ id: string }[]>`select id from tenants where slug = ${options.apiKey.tenant}`;
  const [tenantKey] = await sql<{ id: string }[]>`select id from api_keys where secret_hash = ${hashApiKeySecret(options.apiKey.secret)}`;
  await sql`
    insert into api_keys (name, prefix, secret_hash, role_id, tenant_id)
    values ('bench: CPO-wide', ${apiKeyPrefix(CPO_KEY_SECRET)}, ${hashApiKeySecret(CPO_KEY_SECRET)}, 'cpo_admin', null)
    on conflict do nothing`;
  const [cpoKey] = await sql<{ id: string }[]>`select id from api_keys where secret_hash = ${hashApiKeySecret(CPO_KEY_SECRET)}`;
  const ids = (
    await sql<{ id: string }[]>`
      select id from charge_stations where tenant_id = ${tenant!.id} and deleted_at is null order by md5(id::text) limit 500`
  ).map((row) => row.id);
  if (ids.length < 100) throw new Error(`tenant ${options.apiKey.tenant} has too few stations to benchmark`);
  const tenantCaller: Caller = {
    product: { authorization: `Bearer ${options.apiKey.secret}` },
    baseline: { 'x-baseline-key-id': tenantKey!.id, 'x-baseline-tenant': tenant!.id },
  };
  const cpoCaller: Caller = { product: { authorization: `Bearer ${CPO_KEY_SECRET}` }, baseline: { 'x-baseline-key-id': cpoKey!.id } };

  const baselineBase = `http://127.0.0.1:${options.baselinePort}`;
  const baseline = spawn(process.execPath, [...options.tsx, 'scripts/bench-baseline.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...options.env, PORT: String(options.baselinePort) },
  });
  const sides = { productBase: options.productBase, baselineBase, baselinePid: baseline.pid! };
  try {
    await waitForHealth(baselineBase);
    const rates: ScenarioResult[] = [];
    const getPaths = ids.map((id) => `/api/v2/charge-stations/${id}`);
    rates.push(
      await rateScenario(options, sides, tenantCaller, {
        scenario: 'GET one station, tenant API key',
        paths: getPaths,
        compared: await sameAnswers(sides, getPaths.slice(0, 50), tenantCaller),
        target: { ratio: 0.5, p99: 2, text: '≥ 0.50 of the baseline req/s, p99 ≤ 2×' },
      }),
    );
    for (const [label, query] of [
      ['default order (updated_at)', 'limit=100'],
      ['sort=name', 'limit=100&sort=name'],
    ] as const) {
      const paths = await pagePaths(options.productBase, `/api/v2/charge-stations?${query}`, tenantCaller, 20);
      rates.push(
        await rateScenario(options, sides, tenantCaller, {
          scenario: `GET 100 stations of a tenant, ${label}`,
          paths,
          compared: await sameAnswers(sides, paths, tenantCaller),
          target: { ratio: 0.7, p99: 1.5, text: '≥ 0.70 of the baseline req/s, p99 ≤ 1.5×' },
        }),
      );
    }
    rates.push(await patchScenario(options, sides, tenantCaller, sql, ids));

    // Requests of the last round may still be committing: the exports must see the same data.
    await settled(sql);
    const transfers: TransferResult[] = [];
    for (const format of ['ndjson', 'csv'] as const) {
      transfers.push(await exportScenario(options, sides, cpoCaller, format));
    }
    transfers.push(await syncScenario(options, sides, cpoCaller, tenantCaller, sql, ids));
    return { rates, transfers };
  } finally {
    await sql.end();
    baseline.kill('SIGTERM');
    await once(baseline, 'exit');
  }
}

/** Waits until no other session of the database is inside a transaction. */
async function settled(sql: postgres.Sql) {
  for (;;) {
    const [open] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and xact_start is not null`;
    if (!open!.n) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

type Sides = { productBase: string; baselineBase: string; baselinePid: number };

/** Both servers answer every path with the same status and byte-identical body, or the run stops. */
async function sameAnswers(sides: Sides, paths: string[], caller: Caller) {
  for (const path of paths) {
    const [product, baseline] = await Promise.all([
      fetch(`${sides.productBase}${path}`, { headers: caller.product }).then(async (r) => [r.status, await r.text()] as const),
      fetch(`${sides.baselineBase}${path}`, { headers: caller.baseline }).then(async (r) => [r.status, await r.text()] as const),
    ]);
    if (product[0] !== 200 || product[0] !== baseline[0] || product[1] !== baseline[1]) {
      throw new Error(`the baseline does not answer ${path} as the product does (status ${product[0]} vs ${baseline[0]})`);
    }
  }
  return paths.length;
}

/** The first `pages` pages of a list, by following the product's own next_cursor. */
async function pagePaths(base: string, first: string, caller: Caller, pages: number): Promise<string[]> {
  const paths = [first];
  while (paths.length < pages) {
    const body = (await (await fetch(`${base}${paths.at(-1)}`, { headers: caller.product })).json()) as { next_cursor: string | null };
    if (!body.next_cursor) break;
    paths.push(`${first}&cursor=${encodeURIComponent(body.next_cursor)}`);
  }
  return paths;
}

type RateSpec = { scenario: string; paths: string[]; compared: number; target: { ratio: number; p99: number; text: string } };

async function rateScenario(options: Options, sides: Sides, caller: Caller, spec: RateSpec): Promise<ScenarioResult> {
  const measured = await alternate(options.rounds, (side) =>
    cannon(side === 'product' ? sides.productBase : sides.baselineBase, options.seconds, getRequests(spec.paths), caller[side]),
  );
  return result(spec.scenario, spec.compared, measured, spec.target);
}

function result(
  scenario: string,
  compared: number,
  measured: Awaited<ReturnType<typeof alternate>>,
  target: RateSpec['target'],
): ScenarioResult {
  const ratio = measured.product.reqPerSec / measured.baseline.reqPerSec;
  return {
    scenario,
    compared,
    ...measured,
    ratio,
    target: target.text,
    met: ratio >= target.ratio && measured.product.p99 <= target.p99 * measured.baseline.p99,
  };
}

function getRequests(paths: string[]): autocannon.Request[] {
  let next = 0;
  return [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }];
}

/**
 * PATCH `{"remarks": …}` with If-Match, each connection on a station of its own (so no 412), the
 * version taken from each answer. The two sides write disjoint halves of the stations.
 */
async function patchScenario(options: Options, sides: Sides, caller: Caller, sql: postgres.Sql, ids: string[]): Promise<ScenarioResult> {
  const half = { product: ids.slice(0, 64), baseline: ids.slice(64, 128) };
  const versions = async (list: string[]) =>
    new Map(
      (await sql<{ id: string; version: number }[]>`select id, version from charge_stations where id = any(${list}::uuid[])`).map((r) => [
        r.id,
        r.version,
      ]),
    );
  const patchOnce = async (side: 'product' | 'baseline', id: string) => {
    const version = (await versions([id])).get(id)!;
    const base = side === 'product' ? sides.productBase : sides.baselineBase;
    const response = await fetch(`${base}/api/v2/charge-stations/${id}`, {
      method: 'PATCH',
      headers: { ...caller[side], 'content-type': 'application/merge-patch+json', 'if-match': `"${version}"` },
      body: JSON.stringify({ remarks: 'bench check' }),
    });
    if (response.status !== 200) throw new Error(`${side} PATCH answered ${response.status}`);
    const { version: _v, updated_at: _u, ...rest } = (await response.json()) as Record<string, unknown>;
    return JSON.stringify(rest);
  };
  // The same station patched by each side in turn: the same answer but for version and updated_at.
  for (const id of ids.slice(0, 5)) {
    if ((await patchOnce('product', id)) !== (await patchOnce('baseline', id))) {
      throw new Error(`the baseline's PATCH of ${id} does not answer as the product's does`);
    }
  }
  const measured = await alternate(options.rounds, async (side) => {
    const current = await versions(half[side]);
    let next = 0;
    let written = 0;
    const requests: autocannon.Request[] = [
      {
        method: 'PATCH',
        setupRequest: (request, context: { id?: string }) => {
          const id = (context.id ??= half[side][next++ % half[side].length]!);
          return {
            ...request,
            path: `/api/v2/charge-stations/${id}`,
            headers: { ...request.headers, 'content-type': 'application/merge-patch+json', 'if-match': `"${current.get(id)}"` },
            body: JSON.stringify({ remarks: `bench ${++written}` }),
          };
        },
        onResponse: (status, _body, context: { id?: string }, headers) => {
          const etag = /^"(\d+)"$/.exec(String((headers as Record<string, string>).etag ?? ''));
          if (status === 200 && etag) current.set(context.id!, Number(etag[1]));
        },
      },
    ];
    return cannon(side === 'product' ? sides.productBase : sides.baselineBase, options.seconds, requests, caller[side]);
  });
  return result('PATCH one station with If-Match', 5, measured, {
    ratio: 0.5,
    p99: Infinity,
    text: '≥ 0.50 of a baseline doing version check + update + audit in one transaction',
  });
}

/** Alternating rounds, product first; the median round of each side is its figure. */
async function alternate(rounds: number, measure: (side: 'product' | 'baseline') => Promise<Side>) {
  const results: { product: Side; baseline: Side }[] = [];
  for (let round = 0; round < rounds; round++) {
    const product = await measure('product');
    const baseline = await measure('baseline');
    results.push({ product, baseline });
  }
  const median = (side: 'product' | 'baseline'): Side => {
    const sorted = results.map((r) => r[side]).sort((a, b) => a.reqPerSec - b.reqPerSec);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  return {
    product: median('product'),
    baseline: median('baseline'),
    roundRatios: results.map((r) => r.product.reqPerSec / r.baseline.reqPerSec),
  };
}

async function cannon(base: string, seconds: number, requests: autocannon.Request[], headers: Record<string, string>): Promise<Side> {
  const result = await autocannon({ url: base, connections: 32, duration: seconds, headers, requests });
  // A refused (429, 412) or failed request is not throughput: the round would flatter that side.
  if (result.non2xx || result.errors) throw new Error(`${base}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { reqPerSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

/** Reads a whole answer as it streams, sampling the server's RSS every 50 ms. */
async function transfer(url: string, headers: Record<string, string>, pid: number) {
  const startRss = rssBytes(pid);
  let peak = startRss;
  const sampler = setInterval(() => (peak = Math.max(peak, rssBytes(pid))), 50);
  const started = performance.now();
  try {
    const response = await fetch(url, { headers });
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    return { seconds: (performance.now() - started) / 1000, bytes, rssGrowth: peak - startRss, digest: hash.digest('hex') };
  } finally {
    clearInterval(sampler);
  }
}

async function exportScenario(options: Options, sides: Sides, caller: Caller, format: 'ndjson' | 'csv'): Promise<TransferResult> {
  const path = `/api/v2/charge-stations/export?format=${format}`;
  const product = await transfer(`${sides.productBase}${path}`, caller.product, options.productPid);
  const baseline = await transfer(`${sides.baselineBase}${path}`, caller.baseline, sides.baselinePid);
  if (product.digest !== baseline.digest) throw new Error(`the ${format} exports differ (${product.bytes} vs ${baseline.bytes} bytes)`);
  const timeRatio = product.seconds / baseline.seconds;
  return {
    scenario: `${format.toUpperCase()} export of every station (CPO-wide key)`,
    product,
    baseline,
    timeRatio,
    check: `byte-identical (${(product.bytes / 1024 / 1024).toFixed(0)} MiB, sha256)`,
    target: '≤ 1.3× the baseline time; server RSS grows ≤ 64 MB',
    met: timeRatio <= 1.3 && product.rssGrowth <= 64 * 1024 * 1024,
  };
}

/**
 * A warehouse's full incremental sync: every station by `date_from` + cursor, 1,000 a page, while
 * another client PATCHes stations through the product (20 a second). Checked: every station
 * changed at or before the last change the sync returned was returned, at the version it has now —
 * nothing committed behind the sync's position. One changed later (also a station moved past the
 * end by a PATCH while the sync ran) is what the next sync from that point picks up.
 */
async function syncScenario(
  options: Options,
  sides: Sides,
  reader: Caller,
  writer: Caller,
  sql: postgres.Sql,
  ids: string[],
): Promise<TransferResult> {
  const walk = async (side: 'product' | 'baseline') => {
    const base = side === 'product' ? sides.productBase : sides.baselineBase;
    const pid = side === 'product' ? options.productPid : sides.baselinePid;
    const startRss = rssBytes(pid);
    let peak = startRss;
    const seen = new Map<string, { version: number; updatedAt: string }>();
    let bytes = 0;
    let cursor: string | null = null;
    let writes = 0;
    const stop = { done: false };
    const writing = (async () => {
      while (!stop.done) {
        const id = ids[writes++ % ids.length]!;
        const response = await fetch(`${options.productBase}/api/v2/charge-stations/${id}`, {
          method: 'PATCH',
          headers: { ...writer.product, 'content-type': 'application/merge-patch+json' },
          body: JSON.stringify({ remarks: `sync ${writes}` }),
        });
        if (response.status !== 200) throw new Error(`the writer's PATCH answered ${response.status}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const started = performance.now();
    try {
      do {
        const path = `/api/v2/charge-stations?date_from=2000-01-01T00:00:00.000Z&limit=1000${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const response = await fetch(`${base}${path}`, { headers: reader[side] });
        if (response.status !== 200) throw new Error(`${side} sync page answered ${response.status}`);
        const text = await response.text();
        bytes += text.length;
        const page = JSON.parse(text) as { data: { id: string; version: number; updated_at: string }[]; next_cursor: string | null };
        for (const s of page.data) seen.set(s.id, { version: s.version, updatedAt: s.updated_at });
        cursor = page.next_cursor;
        peak = Math.max(peak, rssBytes(pid));
      } while (cursor);
    } finally {
      stop.done = true;
      await writing;
    }
    return { seconds: (performance.now() - started) / 1000, bytes, rssGrowth: peak - startRss, seen, writes };
  };
  const product = await walk('product');
  const baseline = await walk('baseline');
  const now = await sql<{ id: string; version: number; updated_at: string }[]>`
    select id, version, to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at
    from charge_stations where deleted_at is null`;
  const reached = [...product.seen.values()].reduce((max, s) => (s.updatedAt > max ? s.updatedAt : max), '');
  // A station changed after the last change the sync returned is the next sync's (by date_from);
  // one changed at or before it must have been returned at the version it has now.
  const passed = now.filter((s) => s.updated_at <= reached);
  const missing = passed.filter((s) => !product.seen.has(s.id)).length;
  const stale = passed.filter((s) => product.seen.has(s.id) && product.seen.get(s.id)!.version !== s.version).length;
  if (missing || stale) throw new Error(`the product's sync skipped rows: ${missing} missing, ${stale} passed at an older version`);
  const timeRatio = product.seconds / baseline.seconds;
  return {
    scenario: `full incremental sync by date_from + cursor (1,000 a page) while ${product.writes} PATCHes run`,
    product,
    baseline,
    timeRatio,
    check: `${passed.length.toLocaleString('en')} stations up to the last change returned: 0 missing, 0 at an older version; ${now.length - passed.length} changed later, for the next sync`,
    target: '≤ 1.3× the baseline; no row skipped',
    met: timeRatio <= 1.3,
  };
}

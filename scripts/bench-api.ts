// The API against its baseline (scripts/bench-baseline.ts: node:http + postgres.js, no framework,
// no auth) in one run on the same data: each scenario first proves both answer the same JSON for
// the same requests, then alternates autocannon rounds between the two so the machine's noise
// falls on both sides. Ratios, not absolute times, are the figures.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { waitForHealth } from './bench-helpers';

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

type Options = {
  databaseUrl: string;
  productBase: string;
  baselinePort: number;
  apiKey: { secret: string; tenant: string };
  rounds: number;
  seconds: number;
  tsx: string[];
};

export async function apiVersusBaseline(options: Options): Promise<ScenarioResult[]> {
  const sql = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
  const [tenant] = await sql<{ id: string }[]>`select id from tenants where slug = ${options.apiKey.tenant}`;
  const ids = (
    await sql<{ id: string }[]>`
      select id from charge_stations where tenant_id = ${tenant!.id} and deleted_at is null order by md5(id::text) limit 500`
  ).map((row) => row.id);
  await sql.end();
  if (!ids.length) throw new Error(`tenant ${options.apiKey.tenant} has no stations to benchmark`);
  const baselineBase = `http://127.0.0.1:${options.baselinePort}`;
  const baseline = spawn(process.execPath, [...options.tsx, 'scripts/bench-baseline.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DATABASE_URL: options.databaseUrl, PORT: String(options.baselinePort), BASELINE_TENANT_ID: tenant!.id },
  });
  try {
    await waitForHealth(baselineBase);
    const headers = { authorization: `Bearer ${options.apiKey.secret}` };
    const paths = ids.map((id) => `/api/v2/charge-stations/${id}`);
    const compared = await sameAnswers(options.productBase, baselineBase, paths.slice(0, 50), headers);
    const getOne = await alternate(options, baselineBase, paths, headers);
    const ratio = getOne.product.reqPerSec / getOne.baseline.reqPerSec;
    return [
      {
        scenario: 'GET one station, tenant API key',
        compared,
        ...getOne,
        ratio,
        target: '≥ 0.50 of the baseline req/s, p99 ≤ 2×',
        met: ratio >= 0.5 && getOne.product.p99 <= 2 * getOne.baseline.p99,
      },
    ];
  } finally {
    baseline.kill('SIGTERM');
    await once(baseline, 'exit');
  }
}

/** Both servers answer every path with the same status and byte-identical body, or the run stops. */
async function sameAnswers(productBase: string, baselineBase: string, paths: string[], headers: Record<string, string>) {
  for (const path of paths) {
    const [product, baseline] = await Promise.all([
      fetch(`${productBase}${path}`, { headers }).then(async (r) => [r.status, await r.text()] as const),
      fetch(`${baselineBase}${path}`).then(async (r) => [r.status, await r.text()] as const),
    ]);
    if (product[0] !== 200 || product[0] !== baseline[0] || product[1] !== baseline[1]) {
      throw new Error(`the baseline does not answer ${path} as the product does (status ${product[0]} vs ${baseline[0]})`);
    }
  }
  return paths.length;
}

/** Alternating rounds, product first, 32 connections; the median round of each side is its figure. */
async function alternate(options: Options, baselineBase: string, paths: string[], headers: Record<string, string>) {
  const rounds: { product: Side; baseline: Side }[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const product = await cannon(options.productBase, paths, headers, options.seconds);
    const baseline = await cannon(baselineBase, paths, {}, options.seconds);
    rounds.push({ product, baseline });
  }
  const median = (side: 'product' | 'baseline'): Side => {
    const sorted = rounds.map((r) => r[side]).sort((a, b) => a.reqPerSec - b.reqPerSec);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  return {
    product: median('product'),
    baseline: median('baseline'),
    roundRatios: rounds.map((r) => r.product.reqPerSec / r.baseline.reqPerSec),
  };
}

async function cannon(base: string, paths: string[], headers: Record<string, string>, seconds: number): Promise<Side> {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: 32,
    duration: seconds,
    headers,
    requests: [
      {
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }),
      },
    ],
  });
  // A refused (429) or failed request is not throughput: the round would flatter that side.
  if (result.non2xx || result.errors) throw new Error(`${base}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { reqPerSec: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

// `npm run bench [-- --stations N]`: the portal's speed at the target scale (200k stations, 50k locations). Seeds a database
// `clm_bench` (kept between runs: re-seeding an existing set takes a second) on a real Postgres
// (BENCH_DATABASE_URL, else the local server or a throwaway embedded one), serves the production
// build, signs in as the CPO admin and measures the charge stations page — filtered and sorted —
// plus the API list, then the page's first-load JavaScript. Prints one table; no pass/fail.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import { keptDatabase, percentile, printTable, rssBytes, signIn, step, waitForHealth } from './bench-helpers';

const flag = process.argv.indexOf('--stations');
const stations = flag >= 0 ? Number(process.argv[flag + 1]) : 200_000;
const runs = 20;
const port = Number(process.env.BENCH_PORT ?? 3199);
const base = `http://127.0.0.1:${port}`;

const databaseUrl = process.env.BENCH_DATABASE_URL ?? (await keptDatabase('clm_bench'));
const tsx = ['--import', 'tsx', '--import', './scripts/node-server-runtime.mjs'];
const childEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  NEXT_TELEMETRY_DISABLED: '1',
};

step(`seed ${stations.toLocaleString('en')} stations`, () =>
  spawnSync(process.execPath, [...tsx, 'scripts/db-seed.ts', '--stations', String(stations)], { stdio: 'inherit', env: childEnv }),
);
if (!fs.existsSync('.next/BUILD_ID')) step('next build', () => spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: childEnv }));

const server = spawn(process.execPath, [...tsx, 'scripts/serve.ts'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...childEnv, PORT: String(port), HOSTNAME: '127.0.0.1' },
});
try {
  await waitForHealth(base);
  const cookie = await signIn(base, 'admin@cpo.example', 'demo-password-2026');
  const pages = [
    ['stations page, default (updated_at)', '/charge-stations'],
    ['stations page, status filter + sort by name', '/charge-stations?status=AVAILABLE&sort=name'],
    ['stations page, search + sort by OCPP id desc', '/charge-stations?q=utrecht&sort=-ocpp_id'],
    ['stations page, type + availability + sort by name', '/charge-stations?charger_type=AC&availability=OPERATIVE&sort=name'],
    ['locations page, sort by name', '/locations?sort=name'],
    ['dashboard', '/'],
  ] as const;
  const rows: string[][] = [];
  for (const [label, path] of pages) rows.push([label, ...(await timings(path, { cookie }))]);
  rows.push([
    'API GET /charge-stations?limit=100&sort=name',
    ...(await timings('/api/v2/charge-stations?limit=100&sort=name', { bearer: 'clm_demo_gemeente_utrecht_key' })),
  ]);
  rows.push([
    'API GET /charge-stations?limit=100 (CPO admin, all)',
    ...(await timings('/api/v2/charge-stations?limit=100&status=CHARGING&sort=-updated_at', { cookie })),
  ]);
  console.log(`\n${runs} sequential requests each after 3 warm-ups; times in ms (TTFB = response headers; full = last byte)\n`);
  printTable(['request', 'TTFB p50', 'TTFB p95', 'full p50', 'full p95'], rows);
  const js = await firstLoadJs('/charge-stations', cookie);
  console.log(`\nfirst-load JS of /charge-stations: ${js.files} files, ${kb(js.raw)} raw, ${kb(js.gzip)} gzip`);
  console.log(`server memory (RSS) after the run: ${kb(rssBytes(server.pid!))}`);
} finally {
  server.kill('SIGTERM');
}

async function timings(path: string, auth: { cookie?: string; bearer?: string }): Promise<string[]> {
  const headers: Record<string, string> = {};
  if (auth.cookie) headers.cookie = auth.cookie;
  if (auth.bearer) headers.authorization = `Bearer ${auth.bearer}`;
  const ttfb: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers, redirect: 'manual' });
    const headersAt = performance.now();
    await response.arrayBuffer();
    const doneAt = performance.now();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    if (i < 3) continue;
    ttfb.push(headersAt - started);
    full.push(doneAt - started);
  }
  return [percentile(ttfb, 50), percentile(ttfb, 95), percentile(full, 50), percentile(full, 95)].map((ms) => ms.toFixed(0));
}

/** Every script the page's HTML loads, fetched and measured as the browser would get it. */
async function firstLoadJs(path: string, cookie: string) {
  const html = await (await fetch(`${base}${path}`, { headers: { cookie } })).text();
  const sources = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]!))];
  let raw = 0;
  let gzip = 0;
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { files: sources.length, raw, gzip };
}

function kb(bytes: number): string {
  return bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;
}

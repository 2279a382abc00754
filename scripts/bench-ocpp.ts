// `npm run bench:ocpp [-- --stations N --rate CALLS_PER_S --seconds S --warmup S | --small] [--gateway-cpu-prof DIR]`: one OCPP gateway
// with persistence on, N stations connected to it, persisted calls at a target rate. Creates its
// own database on the real Postgres (as the tests do), migrates it and bulk-inserts the stations
// (one EVSE and connector each, all sharing one password hash), starts `scripts/ocpp.ts` as a
// child, connects the stations from 1–2 load-generator processes (scripts/bench-ocpp-clients.ts),
// drives StatusNotification calls that each change a connector, and reports stations connected,
// calls/s, p50/p99 latency and the gateway's RSS as a table and a JSON line. Targets are reported,
// not asserted: it exits non-zero only when something crashed. The database is dropped at the end.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { hashPassword } from '@/lib/auth/password';
import { acquirePostgres, createDatabase, freeLoopbackPort } from '@/test/postgres-server';
import type { WorkerCommand, WorkerReport } from './bench-ocpp-clients';

const TARGETS = { stations: 10_000, rssMiB: 400, callsPerSecond: 1000, p99Ms: 100 };
/** Clients one load-generator process holds before a second one is started. */
const CLIENTS_PER_WORKER = 5000;
const CONNECTS_PER_SECOND = 1000;
const PASSWORD = 'bench-station-password';
/** The V8 flags `npm run ocpp` gives the gateway (package.json), so the RSS measured is the one deployed. */
const GATEWAY_NODE_FLAGS: string[] =
  (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts.ocpp!.match(/--max-[a-z-]+=\d+/g) ??
  [];
/** Longest wait for the boot-time commands before the load starts. */
const SETTLE_MAX_MS = 300_000;

const { values } = parseArgs({
  options: {
    stations: { type: 'string', default: '10000' },
    rate: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    small: { type: 'boolean', default: false },
    /** Writes a CPU profile of the gateway (.cpuprofile, for Chrome DevTools) into this folder. */
    'gateway-cpu-prof': { type: 'string' },
  },
});
const stations = values.small ? 200 : Number(values.stations);
const rate = values.small ? 100 : Number(values.rate);
const seconds = values.small ? 3 : Number(values.seconds);
/** Load before the measured part: the first seconds rewrite every station's status and warm the caches and the JIT. */
const warmupSeconds = values.small ? 1 : Number(values.warmup);
if (![stations, rate, seconds].every((n) => Number.isInteger(n) && n > 0)) {
  console.error('--stations, --rate and --seconds take whole positive numbers');
  process.exit(1);
}

const pg = await acquirePostgres();
const database = await createDatabase(pg.adminUrl, 'clm_bench_ocpp');
const children: ChildProcess[] = [];
let crashed = false;
/** Set before the children are stopped, so their exit is not taken for a crash. */
let stopping = false;
try {
  await prepareDatabase(database.url);
  const port = await freeLoopbackPort();
  const gateway = await startGateway(database.url, port);
  const workers = Array.from({ length: Math.ceil(stations / CLIENTS_PER_WORKER) }, () => startWorker());
  const ocppIds = Array.from({ length: stations }, (_, i) => stationId(i));

  const connectStarted = performance.now();
  const connected = await Promise.all(
    workers.map((worker, w) =>
      ask(worker, {
        type: 'connect',
        url: `ws://127.0.0.1:${port}/ocpp`,
        ocppIds: ocppIds.filter((_, i) => i % workers.length === w),
        password: PASSWORD,
        perSecond: CONNECTS_PER_SECOND / workers.length,
      }),
    ),
  );
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  const connectedCount = connected.reduce((sum, r) => sum + (r.type === 'connected' ? r.connected : 0), 0);
  const firstError = connected.map((r) => (r.type === 'connected' ? r.firstError : undefined)).find(Boolean);
  console.log(
    `connected ${connectedCount}/${stations} stations in ${connectSeconds.toFixed(1)} s${firstError ? ` (first failure: ${firstError})` : ''}`,
  );
  if (!connectedCount) throw new Error('no station connected');
  // Let the gateway finish what every accepted boot starts (availability and configuration sync,
  // configuration refresh): the load below measures the steady state, not the reconnect storm.
  const settleStarted = performance.now();
  const openCommands = await untilCommandsSent(database.url);
  console.log(
    `boot-time commands sent in ${((performance.now() - settleStarted) / 1000).toFixed(1)} s${openCommands ? ` (${openCommands} still open)` : ''}`,
  );
  const rssConnected = memory(gateway.pid!);
  const connectedInDb = await countConnected(database.url);

  if (warmupSeconds > 0) {
    console.log(`warming up: ${rate} StatusNotification/s for ${warmupSeconds} s (not measured)…`);
    await Promise.all(workers.map((worker) => ask(worker, { type: 'drive', perSecond: rate / workers.length, seconds: warmupSeconds })));
  }
  console.log(`driving ${rate} StatusNotification/s for ${seconds} s…`);
  const driven = (
    await Promise.all(workers.map((worker) => ask(worker, { type: 'drive', perSecond: rate / workers.length, seconds })))
  ).filter((r) => r.type === 'driven');
  const rssLoaded = memory(gateway.pid!);
  const latencies = driven.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  const elapsedSeconds = Math.max(...driven.map((r) => r.elapsedMs)) / 1000;
  const result = {
    stations,
    stations_connected: connectedCount,
    stations_connected_in_db: connectedInDb,
    connect_seconds: round(connectSeconds),
    target_calls_per_s: rate,
    warmup_seconds: warmupSeconds,
    calls_ok: latencies.length,
    calls_failed: driven.reduce((sum, r) => sum + r.errors, 0),
    calls_per_s: round(latencies.length / elapsedSeconds),
    p50_ms: round(percentile(latencies, 50)),
    p99_ms: round(percentile(latencies, 99)),
    max_ms: round(latencies.at(-1) ?? 0),
    disconnects_during_load: driven.reduce((sum, r) => sum + r.disconnected, 0),
    gateway_rss_mib_connected: rssConnected.rssMiB,
    gateway_rss_mib_loaded: rssLoaded.rssMiB,
    gateway_rss_mib_peak: rssLoaded.peakMiB,
  };
  printReport(result);
  await Promise.all(workers.map((worker) => ask(worker, { type: 'close' }, 'exit')));
} catch (error) {
  crashed = true;
  console.error(error);
} finally {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => exited(child, 5000)));
  await database.drop();
  await pg.stop();
}
process.exit(crashed ? 1 : 0);

function stationId(i: number) {
  return `BENCH-${String(i + 1).padStart(6, '0')}`;
}

async function prepareDatabase(url: string) {
  process.env.DATABASE_URL = url;
  const { runMigrations } = await import('@/lib/db/migrate');
  const { closeDb } = await import('@/lib/db/client');
  await runMigrations();
  await closeDb();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // One hash for every station: the gateway caches a verified (hash, password), so admission costs one argon2id in all.
    const hash = await hashPassword(PASSWORD);
    const [tenant] = await sql`insert into tenants (slug, name, kind) values ('bench', 'Bench', 'B2B') returning id`;
    await sql`
      insert into charge_stations (tenant_id, ocpp_id, charger_type, vendor, model, ocpp_password_hash)
      select ${tenant!.id}, 'BENCH-' || lpad(i::text, 6, '0'), 'AC', 'Bench', 'Bench', ${hash}
      from generate_series(1, ${stations}::int) i`;
    await sql`insert into evses (station_id, position, evse_id) select id, 1, ocpp_id || '*1' from charge_stations`;
    await sql`
      insert into connectors (evse_uid, id, position, standard, format, power_type, max_voltage, max_amperage, max_electric_power)
      select uid, '1', 1, 'IEC_62196_T2', 'SOCKET', 'AC_3_PHASE', 400, 32, 22000 from evses`;
    await sql`analyze`;
  } finally {
    await sql.end();
  }
}

/** Waits until no command is queued or in flight (at most SETTLE_MAX_MS); returns how many still are. */
async function untilCommandsSent(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const deadline = Date.now() + SETTLE_MAX_MS;
  try {
    for (;;) {
      const [row] = await sql`select count(*)::int as n from station_commands where status in ('QUEUED', 'SENT')`;
      if (row!.n === 0 || Date.now() > deadline) return row!.n as number;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await sql.end();
  }
}

async function countConnected(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select count(*)::int as n from charge_stations where connected`;
    return row!.n as number;
  } finally {
    await sql.end();
  }
}

/** The gateway as its own Node process (not through the tsx CLI, which would put a wrapper process between: its pid is the one measured). */
function startGateway(databaseUrl: string, port: number): Promise<ChildProcess> {
  const profile = values['gateway-cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${values['gateway-cpu-prof']}`] : [];
  const gateway = spawn(
    process.execPath,
    [...profile, ...GATEWAY_NODE_FLAGS, '--import', 'tsx', '--import', './scripts/node-server-runtime.mjs', 'scripts/ocpp.ts'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, DATABASE_URL: databaseUrl, OCPP_PORT: String(port), HOSTNAME: '127.0.0.1' },
    },
  );
  children.push(gateway);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!/listening on/.test(output)) return;
      console.log(output.trim().split('\n').at(-1));
      gateway.stdout!.off('data', onData);
      gateway.stdout!.resume();
      resolve(gateway);
    };
    gateway.stdout!.on('data', onData);
    gateway.once('exit', (code) => {
      if (stopping) return;
      crashed = true;
      reject(new Error(`the gateway exited (${code}) ${output}`));
    });
  });
}

function startWorker(): ChildProcess {
  const worker = fork('scripts/bench-ocpp-clients.ts', [], { execArgv: ['--import', 'tsx', '--max-old-space-size=4096'] });
  worker.once('exit', (code) => {
    if (code !== 0 && !stopping) crashed = true;
  });
  children.push(worker);
  return worker;
}

/** Sends a command and resolves with the worker's next report (or its exit). */
function ask(worker: ChildProcess, command: WorkerCommand, until: 'report' | 'exit' = 'report'): Promise<WorkerReport> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) =>
      until === 'exit' ? resolve({ type: 'connected', connected: 0, failed: 0 }) : reject(new Error(`a load generator exited (${code})`));
    worker.once('exit', onExit);
    worker.once('message', (report: WorkerReport) => {
      worker.off('exit', onExit);
      resolve(report);
    });
    worker.send(command);
  });
}

function exited(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** VmRSS (now) and VmHWM (peak) of a process, in MiB. */
function memory(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMiB: round(kib('VmRSS') / 1024), peakMiB: round(kib('VmHWM') / 1024) };
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function round(n: number) {
  return Math.round(n * 10) / 10;
}

function printReport(result: Record<string, number>) {
  const verdict = (ok: boolean) => (ok ? 'met' : 'missed');
  const rows: [string, string, string][] = [
    ['stations connected', `${result.stations_connected} of ${result.stations} (${result.stations_connected_in_db} in the database)`, ''],
    ['connect time', `${result.connect_seconds} s`, ''],
    [
      'gateway RSS, all connected',
      `${result.gateway_rss_mib_connected} MiB`,
      stations >= TARGETS.stations
        ? `${TARGETS.stations} under ${TARGETS.rssMiB} MiB: ${verdict(result.gateway_rss_mib_connected! < TARGETS.rssMiB)}`
        : '',
    ],
    ['gateway RSS, after load (peak)', `${result.gateway_rss_mib_loaded} MiB (${result.gateway_rss_mib_peak} MiB)`, ''],
    [
      'persisted calls/s',
      `${result.calls_per_s} (target rate ${result.target_calls_per_s}; ${result.calls_ok} ok, ${result.calls_failed} failed)`,
      rate >= TARGETS.callsPerSecond ? `${TARGETS.callsPerSecond}/s: ${verdict(result.calls_per_s! >= TARGETS.callsPerSecond * 0.98)}` : '',
    ],
    [
      'latency p50 / p99 / max',
      `${result.p50_ms} / ${result.p99_ms} / ${result.max_ms} ms`,
      `p99 under ${TARGETS.p99Ms} ms: ${verdict(result.p99_ms! < TARGETS.p99Ms)}`,
    ],
    ['disconnects during load', String(result.disconnects_during_load), ''],
  ];
  const widths = [0, 1].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log('');
  for (const [label, value, target] of rows) console.log(`${label.padEnd(widths[0]!)}  ${value.padEnd(widths[1]!)}  ${target}`);
  console.log(`\n${JSON.stringify({ bench: 'ocpp', ...result })}`);
}

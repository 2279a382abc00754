// `npm run soak [-- --minutes 5 --rate 200 --users 50 --stations 200000 --ocpp-stations 200]`: the
// SPEC section 6 scale held for minutes, to find what only shows under sustained load (errors,
// slow routes, memory that keeps growing). Not a test: it prints a table, writes a JSON report to
// bench/results/ (git-ignored) and exits 1 when any request failed, server memory trends upward or
// simulated stations were lost.
//
// - Database `clm_soak_<stations>` on the local Postgres (or TEST_DATABASE_URL's server, else a
//   throwaway embedded one), seeded once with `db:seed --stations N` and kept between runs.
// - The production build (`next build` when .next/BUILD_ID is missing) served by scripts/serve.ts,
//   the `npm start` entry, with its OCPP gateway, on free loopback ports (SOAK_PORT / SOAK_OCPP_PORT
//   to choose); ADMIN_API_KEY and AUTH_SECRET are set here. Server log: bench/results/.
// - Fixtures made through the API and reused on later runs: `--ocpp-stations` linked stations
//   SOAK-001… with an OCPP password, connected as lib/simulator stations for the whole run, and
//   `--users` portal users soak-user-NN@soak.example over the six roles and the three demo tenants.
// - Load: every user signs in through Auth.js, then loads portal pages (dashboard, station lists
//   with filters and sorts, station and location detail, locations, the installer view) with a
//   think time of 2–8 s. Beside them, `--rate` API requests per second on an open-loop schedule
//   (sent on time, whether or not earlier answers came back), spread over the three demo tenants'
//   keys and the CPO key: GET one, lists that follow their cursors, PATCH with If-Match, POST
//   locations with Idempotency-Key (and replays of them), availability changes of the connected
//   stations, now and then an export. A deliberate stale If-Match must answer 412: such expected
//   4xx are counted apart; any other status, a wrong replay or a network error is an error.
// - Report: requests, errors, p50/p95/p99 per route pattern (latency from send to last byte), the
//   server's RSS every 10 s with its least-squares slope after the first minute (the first 20 % on
//   shorter runs), stations connected at start and end.
// The default per-key rate limit (6000/min) holds up to about 300 requests/s over four keys.
import { execSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { DEMO_API_KEYS, DEMO_TENANTS } from '@/lib/seed/demo-accounts';
import { CITIES } from '@/lib/seed/places';
import { SimulatedStation } from '@/lib/simulator';
import { freeLoopbackPort } from '@/test/postgres-server';
import { cpuSeconds, keptDatabase, percentile, rssBytes, signIn, step, waitForHealth } from './bench-helpers';
import { printRoutes, Recorder, round, routePattern, rssTrend, type Outcome, type Sample } from './soak-report';

const ADMIN_API_KEY = 'soak-admin-api-key-local-only';
const AUTH_SECRET = 'soak-secret-soak-secret-soak-secret-0123';
const USER_PASSWORD = 'soak-user-password-2026';
const STATION_PASSWORD = 'soak-station-password-2026';
const THINK_MS = [2000, 8000] as const;
const RSS_EVERY_MS = 10_000;
const PROGRESS_EVERY_MS = 30_000;
const REQUEST_TIMEOUT_MS = 60_000;
/** Objects per API key that the scenario reads and writes (disjoint between keys, so If-Match versions stay known). */
const POOL_SIZE = 200;
/** Pages a cursor walk follows before it starts over with other filters. */
const CURSOR_PAGES = 5;
const RESULTS_DIR = 'bench/results';
/** API requests open at once, at most: a quarter of this process's file descriptors (each is a socket). */
const maxInFlight = Math.floor(openFileLimit() / 4);

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    rate: { type: 'string', default: '200' },
    users: { type: 'string', default: '50' },
    stations: { type: 'string', default: '200000' },
    'ocpp-stations': { type: 'string', default: '200' },
  },
});
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const userCount = Number(values.users);
const stations = Number(values.stations);
const ocppStations = Number(values['ocpp-stations']);
if (
  !(minutes > 0) ||
  !(rate > 0) ||
  ![userCount, stations, ocppStations].every((n) => Number.isInteger(n) && n >= 0) ||
  ocppStations > 999
) {
  console.error(
    '--minutes and --rate take positive numbers; --users, --stations and --ocpp-stations whole numbers (--ocpp-stations at most 999)',
  );
  process.exit(1);
}

const runId = new Date().toISOString().replace(/[:.]/g, '-');
fs.mkdirSync(RESULTS_DIR, { recursive: true });
const reportPath = `${RESULTS_DIR}/soak-${runId}.json`;
const serverLogPath = `${RESULTS_DIR}/soak-${runId}.server.log`;
const port = Number(process.env.SOAK_PORT ?? (await freeLoopbackPort()));
const ocppPort = Number(process.env.SOAK_OCPP_PORT ?? (await freeLoopbackPort()));
const base = `http://127.0.0.1:${port}`;
const tsx = ['--import', 'tsx', '--import', './scripts/node-server-runtime.mjs'];

const databaseUrl = await keptDatabase(`clm_soak_${stations}`);
const childEnv = { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET, ADMIN_API_KEY, NEXT_TELEMETRY_DISABLED: '1' };
step(`seed ${stations.toLocaleString('en')} stations`, () =>
  spawnSync(process.execPath, [...tsx, 'scripts/db-seed.ts', '--stations', String(stations)], { stdio: 'inherit', env: childEnv }),
);
if (!fs.existsSync('.next/BUILD_ID')) step('next build', () => spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: childEnv }));

let stopping = false;
const serverLog = fs.openSync(serverLogPath, 'a');
// serve.ts as its own Node process (not through the tsx CLI): its pid is the one whose memory is sampled.
const server: ChildProcess = spawn(process.execPath, [...tsx, 'scripts/serve.ts'], {
  stdio: ['ignore', serverLog, serverLog],
  env: { ...childEnv, PORT: String(port), OCPP_PORT: String(ocppPort), HOSTNAME: '127.0.0.1' },
});
const serverExited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
server.once('exit', (code, signal) => {
  if (!stopping) console.error(`the server exited during the soak (${code ?? signal}); its log: ${serverLogPath}`);
});

type Key = { name: string; bearer: string; tenantId: string | null };
type PoolItem = { id: string; ocppId?: string };
type Versioned = { version: number; etag: string; previousEtag?: string };
/** What one key works on: its own stations and locations, their last known ETags, its cursor walks. */
type KeyState = Key & {
  stations: PoolItem[];
  locations: PoolItem[];
  soakStations: SoakStation[];
  versions: { stations: Map<string, Versioned>; locations: Map<string, Versioned> };
  /** Ids with a write in flight: their version is about to change. */
  writing: Set<string>;
  walks: { stations: Walk; locations: Walk };
  posted: { key: string; body: Record<string, unknown>; id: string }[];
};
type Walk = { query: string; cursor: string | null; page: number; busy: boolean };
type Response = { status: number; headers: Headers; text: string };

const recorder = new Recorder();
const keyStates: KeyState[] = [];
/** Per key: generated locations outside its pool, where the soak's OCPP stations are linked. */
const spareLocations = new Map<string, string[]>();
const simulated: SimulatedStation[] = [];
/** The machine's 1/5/15-minute load averages when the load began: the soak's figures are only as quiet as the machine. */
let loadAtStart: number[] = [];

/** Setup, load, report; the exit code. */
async function soak(): Promise<number> {
  try {
    await waitForHealth(base);
    console.log(`server on ${base} (OCPP ws://127.0.0.1:${ocppPort}/ocpp), log ${serverLogPath}`);
    const admin: Key = { name: 'cpo', bearer: ADMIN_API_KEY, tenantId: null };
    const tenantIds = await demoTenantIds(admin);
    for (const k of [admin, ...DEMO_API_KEYS.map((d) => ({ name: d.tenant, bearer: d.secret, tenantId: tenantIds.get(d.tenant)! }))]) {
      keyStates.push(await keyState(k));
    }
    const soakStations = await ensureSoakStations(admin);
    for (const k of keyStates) k.soakStations = soakStations.filter((s) => k.tenantId === null || s.tenantId === k.tenantId);
    const users = await ensureUsers(admin, [...tenantIds.values()]);

    const ocppStart = await connectStations(soakStations);
    console.log(
      `OCPP stations: ${ocppStart.accepted}/${ocppStations} accepted by the gateway, ${ocppStart.inDb} connected in the database`,
    );
    const settle = await untilBootCommandsSent();
    console.log(`boot-time commands sent in ${settle.seconds} s${settle.open ? ` (${settle.open} still open)` : ''}`);

    const signInStarted = performance.now();
    const sessions = await mapLimited(users, 5, async (u) => ({ ...u, cookie: await signIn(base, u.email, USER_PASSWORD) }));
    console.log(`${sessions.length} users signed in in ${((performance.now() - signInStarted) / 1000).toFixed(1)} s`);

    loadAtStart = os.loadavg().map((l) => round(l));
    console.log(`soaking for ${minutes} min: ${rate} API requests/s, ${sessions.length} portal users…`);
    const load = await runLoad(sessions);
    const ocppEnd = { accepted: acceptedStations(), inDb: await connectedInDb() };
    return report(load, ocppStart, ocppEnd);
  } catch (error) {
    console.error(error);
    return 1;
  } finally {
    stopping = true;
    await Promise.all(simulated.map((s) => s.disconnect()));
    server.kill('SIGTERM');
    await Promise.race([serverExited, sleep(10_000).then(() => server.kill('SIGKILL'))]);
  }
}

type StationsOnLine = { accepted: number; inDb: number };

/** Prints the table and the verdicts, writes the JSON report; 1 when a request failed, memory trends up or stations were lost. */
function report(load: Awaited<ReturnType<typeof runLoad>>, ocppStart: StationsOnLine, ocppEnd: StationsOnLine): number {
  const totals = recorder.totals();
  const routes = recorder.routeRows();
  const apiRequests = routes.filter((r) => r.route.includes(' /api/')).reduce((sum, r) => sum + r.requests, 0);
  const warmupS = round(Math.min(60, minutes * 12));
  const mib = load.rss.map((s) => s.rss_mib);
  const rss = { start_mib: mib[0], end_mib: mib.at(-1), peak_mib: Math.max(...mib), ...rssTrend(load.rss, warmupS), samples: load.rss };
  const result = {
    soak: 'portal + API + OCPP',
    run_id: runId,
    commit: execSync('git rev-parse --short HEAD').toString().trim(),
    options: { minutes, rate, users: userCount, stations, ocpp_stations: ocppStations },
    totals: { ...totals, api_requests: apiRequests, page_requests: totals.requests - apiRequests },
    api_rate_achieved_per_s: round(apiRequests / load.seconds),
    generator_lag_ms: { p99: round(percentile(load.lagsMs, 99)), max: round(Math.max(0, ...load.lagsMs)) },
    server_cpu_percent: load.serverCpuPercent,
    api_in_flight: { peak: load.peakInFlight, cap: maxInFlight, not_sent: load.notSent },
    machine: { cpus: os.cpus().length, load_average_at_start: loadAtStart, load_average_at_end: os.loadavg().map((l) => round(l)) },
    routes,
    error_samples: recorder.errorSamples,
    rss,
    ocpp: {
      simulated: ocppStations,
      accepted_start: ocppStart.accepted,
      connected_in_db_start: ocppStart.inDb,
      accepted_end: ocppEnd.accepted,
      connected_in_db_end: ocppEnd.inDb,
    },
    server_log: serverLogPath,
  };
  fs.writeFileSync(reportPath, `${JSON.stringify(result, null, 2)}\n`);

  console.log('');
  printRoutes(routes);
  console.log(
    `\nrequests: ${totals.requests} (API ${apiRequests}, pages ${totals.requests - apiRequests}); ` +
      `API ${result.api_rate_achieved_per_s}/s of ${rate}/s (generator lag p99 ${result.generator_lag_ms.p99} ms)`,
  );
  console.log(
    `server CPU ${result.server_cpu_percent} % of one core; machine: ${result.machine.cpus} CPUs, load average ${loadAtStart.join(' / ')} at the start`,
  );
  console.log(
    `errors: ${totals.errors} (${load.notSent} not sent: ${maxInFlight} API requests already open); expected 4xx: ${totals.expected_4xx}; ` +
      `API requests open at most: ${load.peakInFlight}`,
  );
  for (const e of recorder.errorSamples.slice(0, 10)) console.log(`  at ${e.at_s} s ${e.route}: ${e.status} ${e.detail}`);
  console.log(
    `server RSS: ${rss.start_mib} → ${rss.end_mib} MiB (peak ${rss.peak_mib}); from ${warmupS} s on ${rss.slope_mib_per_min} MiB/min, ` +
      `R² ${rss.r2}: ${rss.upward ? 'trending UP' : 'no upward trend'}`,
  );
  console.log(
    `OCPP stations on line: start ${ocppStart.accepted}/${ocppStations} (database ${ocppStart.inDb}), ` +
      `end ${ocppEnd.accepted}/${ocppStations} (database ${ocppEnd.inDb})`,
  );
  console.log(`report: ${reportPath}`);
  return totals.errors > 0 || rss.upward || ocppEnd.accepted < ocppStart.accepted ? 1 : 0;
}

// ---- the load ----

async function runLoad(sessions: PortalUser[]) {
  const startedAt = performance.now();
  const endsAt = startedAt + minutes * 60_000;
  const cpuAtStart = cpuSeconds(server.pid!);
  const rss: Sample[] = [];
  const sampleRss = () => {
    try {
      rss.push({ t_s: round((performance.now() - startedAt) / 1000), rss_mib: round(rssBytes(server.pid!) / 2 ** 20) });
    } catch (error) {
      recorder.fault('RSS sample', 'unreadable', (error as Error).message);
    }
  };
  sampleRss();
  const sampler = setInterval(sampleRss, RSS_EVERY_MS);

  const users = sessions.map((user) => browse(user, endsAt));
  const inFlight = new Set<Promise<unknown>>();
  const lagsMs: number[] = [];
  let issued = 0;
  let notSent = 0;
  let peakInFlight = 0;
  const progress = setInterval(() => {
    const { requests, errors } = recorder.totals();
    const at = Math.round((performance.now() - startedAt) / 1000);
    console.log(
      `  ${at} s: ${requests} answered, ${inFlight.size} API requests open, ${errors} errors, server RSS ${rss.at(-1)?.rss_mib} MiB`,
    );
  }, PROGRESS_EVERY_MS);
  while (performance.now() < endsAt) {
    peakInFlight = Math.max(peakInFlight, inFlight.size);
    const due = Math.floor(((performance.now() - startedAt) * rate) / 1000);
    for (; issued < due; issued++) {
      lagsMs.push(performance.now() - (startedAt + (issued * 1000) / rate));
      if (inFlight.size >= maxInFlight) {
        // Open loop: the schedule does not wait, but the sockets a backlog would open are bounded.
        notSent++;
        recorder.fault('API (not sent)', 'in-flight cap', `${inFlight.size} requests were still open`);
        continue;
      }
      const running = pickOperation()(keyStates[issued % keyStates.length]!).catch((error: Error) =>
        recorder.fault('scenario', 'exception', error.stack ?? String(error)),
      );
      inFlight.add(running);
      void running.finally(() => inFlight.delete(running));
    }
    await sleep(5);
  }
  clearInterval(sampler);
  clearInterval(progress);
  const seconds = (performance.now() - startedAt) / 1000;
  if (rss.at(-1)!.t_s < seconds - 1) sampleRss();
  const serverCpuPercent = round(((cpuSeconds(server.pid!) - cpuAtStart) / seconds) * 100);
  // Every request ends by its own timeout; what is still open after that (plus a margin) is stuck in the scenario.
  const unfinished = await Promise.race([
    Promise.all([...inFlight, ...users]).then(() => 0),
    sleep(REQUEST_TIMEOUT_MS + 10_000).then(() => inFlight.size),
  ]);
  if (unfinished) recorder.fault('scenario', 'unfinished', `${unfinished} operations still open after the timeout`);
  return { rss, lagsMs, seconds, serverCpuPercent, notSent, peakInFlight };
}

type Operation = (key: KeyState) => Promise<unknown>;

/** The API mix, by weight. */
const OPERATIONS: [number, Operation][] = [
  [24, getOne('stations')],
  [12, getOne('locations')],
  [14, walkList('stations')],
  [10, walkList('locations')],
  [10, patchOne('stations')],
  [6, patchOne('locations')],
  [2, patchStale],
  [6, postLocation],
  [2, replayLocation],
  [6, changeAvailability],
  [0.1, exportLocations],
  [0.2, exportStations],
];
const WEIGHT = OPERATIONS.reduce((sum, [w]) => sum + w, 0);

function pickOperation(): Operation {
  let r = Math.random() * WEIGHT;
  for (const [weight, operation] of OPERATIONS) if ((r -= weight) < 0) return operation;
  return OPERATIONS[0]![1];
}

type Collection = 'stations' | 'locations';
const API_PATH: Record<Collection, string> = { stations: '/api/v2/charge-stations', locations: '/api/v2/locations' };

function getOne(collection: Collection): Operation {
  return async (key) => {
    const own = key[collection];
    const item = collection === 'stations' && key.soakStations.length && Math.random() < 0.2 ? pick(key.soakStations) : pick(own);
    const response = await measured('GET', `${API_PATH[collection]}/${item.id}`, { bearer: key.bearer }, [200]);
    if (response?.status === 200) remember(key, collection, item.id, response);
  };
}

/** Keeps the newest version seen of an object in the key's pool (answers can arrive out of order). */
function remember(key: KeyState, collection: Collection, id: string, response: Response, previousEtag?: string) {
  const etag = response.headers.get('etag');
  if (!etag || !key[collection].some((p) => p.id === id) || key.writing.has(id)) return;
  const version = Number(etag.replace(/\D/g, ''));
  const known = key.versions[collection].get(id);
  if (known && known.version >= version) return;
  key.versions[collection].set(id, { version, etag, previousEtag: previousEtag ?? known?.etag });
}

function patchOne(collection: Collection): Operation {
  return async (key) => {
    const known = [...key.versions[collection].entries()].filter(([id]) => !key.writing.has(id));
    if (!known.length) return getOne(collection)(key);
    const [id, version] = pick(known);
    key.writing.add(id);
    let response: Response | null;
    try {
      response = await measured(
        'PATCH',
        `${API_PATH[collection]}/${id}`,
        { bearer: key.bearer },
        [200],
        { remarks: `soak ${runId} ${Math.random().toString(36).slice(2)}` },
        { 'if-match': version.etag },
      );
    } finally {
      key.writing.delete(id);
    }
    // After a failed PATCH the version is unknown: the next GET learns it again.
    if (response?.status === 200) remember(key, collection, id, response, version.etag);
    else key.versions[collection].delete(id);
  };
}

/** If-Match with a version already replaced: must be 412, and nothing changes. */
async function patchStale(key: KeyState) {
  const stale = [...key.versions.stations.entries()].filter(([, v]) => v.previousEtag);
  if (!stale.length) return patchOne('stations')(key);
  const [id, version] = pick(stale);
  await measured(
    'PATCH',
    `${API_PATH.stations}/${id}`,
    { bearer: key.bearer },
    [],
    { remarks: 'stale' },
    { 'if-match': version.previousEtag! },
    [412],
  );
}

let posted = 0;
async function postLocation(key: KeyState) {
  const n = ++posted;
  const city = pick(CITIES);
  const body: Record<string, unknown> = {
    ...(key.tenantId ? {} : { tenant_id: pick(keyStates.filter((k) => k.tenantId)).tenantId }),
    external_id: `SOAK-${runId}-${n}`,
    name: `Soak ${city.city} ${n}`,
    address: `Soakstraat ${n}`,
    city: city.city,
    country: city.country,
    coordinates: {
      latitude: round(city.lat + (Math.random() - 0.5) * 0.1, 6),
      longitude: round(city.lon + (Math.random() - 0.5) * 0.1, 6),
    },
  };
  const idempotencyKey = `soak-${runId}-${n}`;
  const response = await measured('POST', API_PATH.locations, { bearer: key.bearer }, [201], body, { 'idempotency-key': idempotencyKey });
  if (response?.status === 201) key.posted.push({ key: idempotencyKey, body, id: (JSON.parse(response.text) as { id: string }).id });
}

/** The same Idempotency-Key and body again: the original 201 and the same object, not a second one. */
async function replayLocation(key: KeyState) {
  if (!key.posted.length) return postLocation(key);
  const original = pick(key.posted);
  const response = await measured('POST', API_PATH.locations, { bearer: key.bearer }, [201], original.body, {
    'idempotency-key': original.key,
  });
  if (response?.status === 201 && (JSON.parse(response.text) as { id: string }).id !== original.id) {
    recorder.fault('POST /api/v2/locations', 'wrong replay', `a replay of ${original.key} answered another object`);
  }
}

const desiredAvailability = new Map<string, 'OPERATIVE' | 'INOPERATIVE'>();
/** On a connected station, through the key of its own tenant: the gateway sends ChangeAvailability. */
async function changeAvailability() {
  const tenantKeys = keyStates.filter((k) => k.tenantId && k.soakStations.length);
  if (!tenantKeys.length) return;
  const key = pick(tenantKeys);
  const station = pick(key.soakStations);
  const availability = desiredAvailability.get(station.id) === 'INOPERATIVE' ? 'OPERATIVE' : 'INOPERATIVE';
  desiredAvailability.set(station.id, availability);
  await measured('POST', `${API_PATH.stations}/${station.id}/availability`, { bearer: key.bearer }, [202], { availability });
}

function exportLocations(key: KeyState) {
  return measured('GET', `/api/v2/locations/export?format=csv&q=${encodeURIComponent(pick(CITIES).city)}`, { bearer: key.bearer }, [200]);
}

function exportStations(key: KeyState) {
  return measured(
    'GET',
    `/api/v2/charge-stations/export?format=ndjson&location_id=${pick(key.locations).id}`,
    { bearer: key.bearer },
    [200],
  );
}

const STATION_QUERIES = [
  () => 'limit=100',
  () => 'limit=100&status=AVAILABLE&sort=name',
  () => `limit=50&q=${encodeURIComponent(pick(CITIES).city)}&sort=-ocpp_id`,
  () => 'limit=100&charger_type=DC&availability=OPERATIVE&sort=-updated_at',
  () => `limit=100&date_from=${new Date(Date.now() - 3_600_000).toISOString()}`,
];
const LOCATION_QUERIES = [
  () => 'limit=100&sort=name',
  () => `limit=100&q=${encodeURIComponent(pick(CITIES).city)}`,
  () => `limit=100&near=${pick(CITIES).lat},${pick(CITIES).lon}&radius=1000`,
  () => 'limit=100&sort=-created_at',
];

/** A list walked page by page along next_cursor; a walk already waiting for its page starts a fresh first page instead. */
function walkList(collection: Collection): Operation {
  return async (key) => {
    const walk = key.walks[collection];
    const follow = !walk.busy && walk.cursor !== null && walk.page < CURSOR_PAGES;
    const query = follow ? walk.query : pick(collection === 'stations' ? STATION_QUERIES : LOCATION_QUERIES)();
    const path = `${API_PATH[collection]}?${query}${follow ? `&cursor=${encodeURIComponent(walk.cursor!)}` : ''}`;
    if (!follow && walk.busy) return measured('GET', path, { bearer: key.bearer }, [200]);
    walk.busy = true;
    try {
      const response = await measured('GET', path, { bearer: key.bearer }, [200]);
      const cursor = response?.status === 200 ? (JSON.parse(response.text) as { next_cursor: string | null }).next_cursor : null;
      Object.assign(walk, { query, cursor, page: follow ? walk.page + 1 : 1 });
    } finally {
      walk.busy = false;
    }
  };
}

type PortalUser = { email: string; role: string; tenantIds: string[]; cookie: string };

/** One signed-in user: a page, a think, another page… until the end. */
async function browse(user: PortalUser, endsAt: number) {
  const stationsSeen = keysOf(user).flatMap((k) => k.stations);
  const locationsSeen = keysOf(user).flatMap((k) => k.locations);
  const pages = [
    () => '/',
    () => '/charge-stations',
    () => '/charge-stations?status=AVAILABLE&sort=name',
    () => `/charge-stations?q=${encodeURIComponent(pick(CITIES).city)}&sort=-ocpp_id`,
    () => '/charge-stations?charger_type=AC&availability=OPERATIVE&sort=name',
    () => `/charge-stations/${pick(stationsSeen).id}`,
    () => '/locations',
    () => '/locations?sort=name',
    () => `/locations/${pick(locationsSeen).id}`,
    ...(user.role === 'installer' ? [() => '/installer', () => `/installer?station=${pick(stationsSeen).ocppId}`] : []),
  ];
  for (let wait = Math.random() * THINK_MS[1]; performance.now() + wait < endsAt;) {
    await sleep(wait);
    await measured('GET', pick(pages)(), { cookie: user.cookie }, [200]);
    wait = THINK_MS[0] + Math.random() * (THINK_MS[1] - THINK_MS[0]);
  }
}

/** The pools a user's pages draw ids from: those of the keys of their tenants (the CPO key's for a CPO admin). */
function keysOf(user: Pick<PortalUser, 'tenantIds'>): KeyState[] {
  const own = keyStates.filter((k) => (user.tenantIds.length ? user.tenantIds.includes(k.tenantId!) : k.tenantId === null));
  return own.length ? own : keyStates;
}

// ---- requests ----

/** A request of the measured load: recorded under its route pattern as ok, expected (a provoked 4xx) or error. */
async function measured(
  method: string,
  path: string,
  auth: { bearer?: string; cookie?: string },
  ok: number[],
  body?: unknown,
  headers: Record<string, string> = {},
  expected: number[] = [],
): Promise<Response | null> {
  const route = routePattern(method, path);
  const sentAt = performance.now();
  try {
    const response = await request(method, path, auth, body, headers);
    const outcome: Outcome = ok.includes(response.status) ? 'ok' : expected.includes(response.status) ? 'expected' : 'error';
    recorder.record(route, performance.now() - sentAt, outcome, String(response.status), outcome === 'error' ? response.text : '');
    return response;
  } catch (error) {
    recorder.record(route, performance.now() - sentAt, 'error', 'network', (error as Error).message);
    return null;
  }
}

async function request(
  method: string,
  path: string,
  auth: { bearer?: string; cookie?: string },
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const response = await fetch(`${base}${path}`, {
    method,
    redirect: 'manual',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    headers: {
      ...(auth.bearer ? { authorization: `Bearer ${auth.bearer}` } : {}),
      ...(auth.cookie ? { cookie: auth.cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** A setup request: anything but the statuses named is fatal. */
async function setup<T>(method: string, path: string, key: Key, ok: number[], body?: unknown): Promise<{ status: number; body: T }> {
  const response = await request(method, path, { bearer: key.bearer }, body);
  if (!ok.includes(response.status)) throw new Error(`setup ${method} ${path} answered ${response.status}: ${response.text.slice(0, 500)}`);
  return { status: response.status, body: JSON.parse(response.text || 'null') as T };
}

// ---- fixtures ----

async function demoTenantIds(admin: Key): Promise<Map<string, string>> {
  const { body } = await setup<{ data: { id: string; slug: string }[] }>('GET', '/api/v2/tenants?limit=1000', admin, [200]);
  const ids = new Map(body.data.map((t) => [t.slug, t.id]));
  for (const t of DEMO_TENANTS) if (!ids.has(t.slug)) throw new Error(`demo tenant ${t.slug} missing: is the database seeded?`);
  return ids;
}

/**
 * A key's own seeded objects: the first of its tenant by OCPP id / creation for a tenant key, the
 * last ones for the CPO key, so no two keys write the same object.
 */
async function keyState(key: Key): Promise<KeyState> {
  const order = key.tenantId ? '' : '-';
  type Row = { id: string; ocpp_id?: string; external_id?: string | null; tenant_id: string };
  const stationRows = await setup<{ data: Row[] }>('GET', `${API_PATH.stations}?limit=1000&sort=${order}ocpp_id`, key, [200]);
  const locationRows = await setup<{ data: Row[] }>('GET', `${API_PATH.locations}?limit=1000&sort=${order}created_at`, key, [200]);
  const generatedLocations = locationRows.body.data.filter((l) => l.external_id?.startsWith('GEN-LOC-'));
  const state: KeyState = {
    ...key,
    stations: stationRows.body.data
      .filter((s) => s.ocpp_id!.startsWith('GEN-'))
      .slice(0, POOL_SIZE)
      .map((s) => ({ id: s.id, ocppId: s.ocpp_id })),
    locations: generatedLocations.slice(0, POOL_SIZE).map((l) => ({ id: l.id })),
    soakStations: [],
    versions: { stations: new Map(), locations: new Map() },
    writing: new Set(),
    walks: { stations: newWalk(), locations: newWalk() },
    posted: [],
  };
  // Where the soak's OCPP stations are linked: generated locations outside the pool, whose versions the scenario tracks.
  spareLocations.set(
    key.name,
    generatedLocations.slice(POOL_SIZE).map((l) => l.id),
  );
  if (!state.stations.length || !state.locations.length) throw new Error(`key ${key.name} sees no generated stations or locations`);
  keyStates.push(state);
  return state;
}

function newWalk(): Walk {
  return { query: '', cursor: null, page: 0, busy: false };
}

type SoakStation = PoolItem & { ocppId: string; tenantId: string };

/** SOAK-001…: linked stations with an OCPP password, created through the API once and reused. */
async function ensureSoakStations(admin: Key): Promise<SoakStation[]> {
  type Row = { id: string; ocpp_id: string; tenant_id: string };
  const existing = await setup<{ data: Row[] }>('GET', `${API_PATH.stations}?q=SOAK-&limit=1000&sort=ocpp_id`, admin, [200]);
  const byOcppId = new Map(existing.body.data.filter((s) => /^SOAK-\d{3}$/.test(s.ocpp_id)).map((s) => [s.ocpp_id, s]));
  const tenantKeys = keyStates.filter((k) => k.tenantId);
  const wanted = Array.from({ length: ocppStations }, (_, i) => `SOAK-${String(i + 1).padStart(3, '0')}`);
  const missing = wanted.filter((id) => !byOcppId.has(id));
  if (missing.length) console.log(`creating ${missing.length} OCPP stations through the API…`);
  await mapLimited(missing, 4, async (ocppId) => {
    const n = Number(ocppId.slice(5));
    const key = tenantKeys[n % tenantKeys.length]!;
    const spare = spareLocations.get(key.name)!;
    const connector = { id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 400, max_amperage: 32 };
    const { body } = await setup<Row>('POST', API_PATH.stations, admin, [201], {
      ocpp_id: ocppId,
      location_id: spare[n % spare.length] ?? key.locations[0]!.id,
      name: `Soak station ${n}`,
      charger_type: 'AC',
      ocpp_password: STATION_PASSWORD,
      evses: [{ connectors: [connector] }, { connectors: [connector] }],
    });
    byOcppId.set(ocppId, body);
  });
  return wanted.map((ocppId) => {
    const row = byOcppId.get(ocppId)!;
    return { id: row.id, ocppId, tenantId: row.tenant_id };
  });
}

const ROLES = [
  'cpo_admin',
  'account_manager',
  'customer_admin',
  'customer_operator',
  'viewer',
  'installer',
  'customer_admin',
  'customer_operator',
  'viewer',
  'customer_admin',
];

/** soak-user-NN@soak.example over the roles; account managers and installers hold two tenants. Created once. */
async function ensureUsers(admin: Key, tenantIds: string[]) {
  const users = Array.from({ length: userCount }, (_, i) => {
    const role = ROLES[i % ROLES.length]!;
    const tenants = role === 'cpo_admin' ? [] : role === 'account_manager' || role === 'installer' ? [i, i + 1] : [i];
    return {
      email: `soak-user-${String(i + 1).padStart(2, '0')}@soak.example`,
      role,
      tenantIds: tenants.map((t) => tenantIds[t % tenantIds.length]!),
    };
  });
  await mapLimited(users, 4, (u) =>
    setup('POST', '/api/v2/users', admin, [201, 409], {
      email: u.email,
      name: `Soak ${u.role} ${u.email.slice(10, 12)}`,
      password: USER_PASSWORD,
      cpo_role: u.role === 'cpo_admin' ? 'cpo_admin' : null,
      memberships: u.tenantIds.map((tenant_id) => ({ tenant_id, role: u.role })),
    }),
  );
  return users;
}

/** Brings the soak stations on line as simulated hardware and waits until the gateway accepted them all (at most 2 min). */
async function connectStations(soakStations: SoakStation[]) {
  for (const s of soakStations) {
    const station = new SimulatedStation({
      url: `ws://127.0.0.1:${ocppPort}/ocpp`,
      ocppId: s.ocppId,
      password: STATION_PASSWORD,
      connectors: 2,
    });
    simulated.push(station);
    station.start();
  }
  const deadline = Date.now() + 120_000;
  let accepted = 0;
  let inDb = 0;
  while (Date.now() < deadline) {
    accepted = acceptedStations();
    inDb = await connectedInDb();
    if (accepted === simulated.length && inDb >= accepted) break;
    await sleep(1000);
  }
  return { accepted, inDb };
}

/**
 * Waits (at most 3 min) until the gateway has sent what every accepted boot starts (availability
 * and configuration sync, configuration refresh): the load measures the steady state, not the
 * reconnect storm. Read from the database, as the API has no view over all stations' commands.
 */
async function untilBootCommandsSent(): Promise<{ seconds: number; open: number }> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const started = Date.now();
  try {
    for (;;) {
      const [row] = await sql`
        select count(*)::int as open from station_commands c join charge_stations s on s.id = c.station_id
        where s.ocpp_id like 'SOAK-%' and c.status in ('QUEUED', 'SENT')`;
      if (row!.open === 0 || Date.now() - started > 180_000)
        return { seconds: round((Date.now() - started) / 1000), open: row!.open as number };
      await sleep(1000);
    }
  } finally {
    await sql.end();
  }
}

function openFileLimit(): number {
  const limits = fs.readFileSync('/proc/self/limits', 'utf8');
  return Number(/Max open files\s+(\d+)/.exec(limits)?.[1] ?? 1024);
}

function acceptedStations(): number {
  return simulated.filter((s) => s.registration === 'accepted').length;
}

/** Read from the database, not the API: after an overload the API may still be answering its backlog. */
async function connectedInDb(): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] =
      await sql`select count(*)::int as n from charge_stations where connected and ocpp_id like 'SOAK-%' and deleted_at is null`;
    return row!.n as number;
  } finally {
    await sql.end();
  }
}

// ---- small things ----

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `run` over the items, at most `limit` at once, keeping their order. */
async function mapLimited<T, R>(items: T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

// Last, so every declaration above is initialised before the soak uses it.
process.exit(await soak());

// `npm run simulate -- --stations N | --pool N [--url ws://127.0.0.1:9220/ocpp] [--misbehave a,b]
// [--api-url http://127.0.0.1:3000 --api-key KEY]`: simulated OCPP 1.6J stations against a running
// gateway. --stations brings the seeded demo stations on line (with their password), --pool
// stations the product has never seen. With an API URL and key (or CLM_API_URL and CLM_API_KEY)
// each station is first made known through the REST API, as an installer's tooling would: found
// by its OCPP id or created (typed client, lib/api-client). Prints what each station does; Ctrl-C
// closes every socket cleanly.
import { parseArgs } from 'node:util';
import { createApiClient } from '@/lib/api-client';
import { ensureStation, type Misbehaviour, type SimulatedStation } from '@/lib/simulator';
import { startDemoStations, startPoolStations } from './demo-stations';
import { DEMO_STATIONS } from '@/lib/seed/demo-stations';

/** Every --misbehave name and what it switches on. `drop-connection` is handled below: it is a repeated act. */
const MISBEHAVIOURS: Record<string, Misbehaviour> = {
  'reject-availability': { availability: 'reject' },
  'schedule-availability': { availability: 'schedule' },
  'forget-after-reboot': { forgetAvailabilityAfterReboot: true },
  'reject-connector-zero': { rejectConnectorZero: true },
  faulted: { faultedConnector: 1 },
  'ignore-heartbeat': { ignoreHeartbeat: true },
  'refuse-remote-start': { refuseRemoteStart: true },
  'misreport-configuration': { misreportedConfiguration: { HeartbeatInterval: '999' } },
  'drop-connection': {},
};
const DROP_EVERY_MS = 60_000;

const { values } = parseArgs({
  options: {
    stations: { type: 'string' },
    pool: { type: 'string' },
    url: { type: 'string', default: `ws://127.0.0.1:${process.env.OCPP_PORT ?? 9220}/ocpp` },
    misbehave: { type: 'string', default: '' },
    'api-url': { type: 'string', default: process.env.CLM_API_URL },
    'api-key': { type: 'string', default: process.env.CLM_API_KEY },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const count = Number(values.stations ?? values.pool);
if ((values.stations === undefined) === (values.pool === undefined) || !Number.isInteger(count) || count < 1) {
  fail(
    'Usage: npm run simulate -- --stations N | --pool N [--url ws://127.0.0.1:9220/ocpp] [--misbehave name,...] [--api-url URL --api-key KEY]',
  );
}
const { 'api-url': apiUrl, 'api-key': apiKey } = values;
if (Boolean(apiUrl) !== Boolean(apiKey)) fail('--api-url and --api-key (or CLM_API_URL and CLM_API_KEY) go together.');
const names = values.misbehave.split(',').filter(Boolean);
const unknown = names.filter((name) => !MISBEHAVIOURS[name]);
if (unknown.length) fail(`Unknown --misbehave ${unknown.join(', ')}; known: ${Object.keys(MISBEHAVIOURS).join(', ')}`);
const misbehaviour = Object.assign({}, ...names.map((name) => MISBEHAVIOURS[name]));
if (values.stations !== undefined && count > DEMO_STATIONS.length) {
  console.log(`The demo roster has ${DEMO_STATIONS.length} stations; connecting those.`);
}

const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 23)} ${line}`);
const api = apiUrl && apiKey ? createApiClient({ baseUrl: apiUrl, apiKey }) : null;
const beforeConnect = api
  ? async (station: SimulatedStation, password: string | null) => {
      const { id, created } = await ensureStation(api, { ocppId: station.ocppId, password, identity: station.identity });
      log(`${station.ocppId} ${created ? 'created' : 'already known'} through the API (${id})`);
    }
  : undefined;
const options = { url: values.url, misbehaviour, log, beforeConnect };
const running = values.stations !== undefined ? startDemoStations({ ...options, count }) : startPoolStations({ ...options, count });
console.log(
  `Simulating ${running.stations.map((s) => s.ocppId).join(', ')} against ${values.url}` +
    (api ? `, registered through ${apiUrl}` : '') +
    (names.length ? `, misbehaving: ${names.join(', ')}` : ''),
);
running.ready.catch(async (error: unknown) => {
  console.error(`Could not register the stations through the API: ${error instanceof Error ? error.message : String(error)}`);
  await running.stop();
  process.exit(1);
});

const dropping = names.includes('drop-connection')
  ? setInterval(() => running.stations.forEach((s) => s.connected && void s.dropConnection(5000)), DROP_EVERY_MS)
  : undefined;

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  clearInterval(dropping);
  console.log('Closing the stations…');
  await running.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

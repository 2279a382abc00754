// `npm run simulate -- --stations N | --pool N [--url ws://127.0.0.1:9220/ocpp] [--misbehave a,b]`:
// simulated OCPP 1.6J stations against a running gateway. --stations brings the seeded demo
// stations on line (with their password), --pool stations the product has never seen. Prints what
// each station does; Ctrl-C closes every socket cleanly.
import { parseArgs } from 'node:util';
import type { Misbehaviour } from '@/lib/simulator';
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
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const count = Number(values.stations ?? values.pool);
if ((values.stations === undefined) === (values.pool === undefined) || !Number.isInteger(count) || count < 1) {
  fail('Usage: npm run simulate -- --stations N | --pool N [--url ws://127.0.0.1:9220/ocpp] [--misbehave name,...]');
}
const names = values.misbehave.split(',').filter(Boolean);
const unknown = names.filter((name) => !MISBEHAVIOURS[name]);
if (unknown.length) fail(`Unknown --misbehave ${unknown.join(', ')}; known: ${Object.keys(MISBEHAVIOURS).join(', ')}`);
const misbehaviour = Object.assign({}, ...names.map((name) => MISBEHAVIOURS[name]));
if (values.stations !== undefined && count > DEMO_STATIONS.length) {
  console.log(`The demo roster has ${DEMO_STATIONS.length} stations; connecting those.`);
}

const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 23)} ${line}`);
const options = { url: values.url, misbehaviour, log };
const running = values.stations !== undefined ? startDemoStations({ ...options, count }) : startPoolStations({ ...options, count });
console.log(
  `Simulating ${running.stations.map((s) => s.ocppId).join(', ')} against ${values.url}` +
    (names.length ? `, misbehaving: ${names.join(', ')}` : ''),
);

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

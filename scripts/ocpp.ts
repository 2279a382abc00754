// `npm run ocpp`: the OCPP gateway on its own (a second instance beside the web app needs only the
// same DATABASE_URL and its own OCPP_PORT). Settings → database → migrations → gateway.
import { prepareRuntime } from './runtime';

const { env, embedded } = await prepareRuntime({ local: false });
const { runMigrations } = await import('@/lib/db/migrate');
const { closeDb } = await import('@/lib/db/client');
const { startGateway } = await import('@/lib/ocpp/gateway');
const { createDispatcher } = await import('@/lib/ocpp/dispatcher');
const { gatewayUrl } = await import('./gateway-url');

await runMigrations();
// The embedded database serves one session: no LISTEN there, the dispatcher polls instead.
const gateway = await startGateway({
  port: env.OCPP_PORT,
  host: env.HOSTNAME,
  unknownStations: env.OCPP_UNKNOWN_STATIONS,
  listen: !embedded,
  pollIntervalMs: embedded ? 250 : 1000,
  dispatcher: createDispatcher,
});
console.log(`OCPP gateway ${gateway.id} listening on ${gatewayUrl(env.HOSTNAME, gateway.port)}`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  try {
    await gateway.close();
    await closeDb();
    await embedded?.stop();
  } finally {
    process.exit(0);
  }
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

// `npm run ocpp`: the OCPP gateway on its own (a second instance beside the web app needs only the
// same DATABASE_URL and its own OCPP_PORT). Settings → database → migrations → gateway.
import { prepareRuntime } from './runtime';

const { env, embedded } = await prepareRuntime({ local: false });
const { runMigrations } = await import('@/lib/db/migrate');
const { closeDb } = await import('@/lib/db/client');
const { startProductGateway } = await import('./product-gateway');

await runMigrations();
const gateway = await startProductGateway(env, { embedded: Boolean(embedded) });

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

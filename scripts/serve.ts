// `npm start` (production), `npm run dev` (--dev) and the server half of `npm run demo` (--demo):
// settings → database (embedded when DATABASE_URL is unset) → migrations → bootstrap → HTTP.
import http from 'node:http';

const dev = process.argv.includes('--dev');
const demo = process.argv.includes('--demo');
// Must be set before Next.js or React load.
(process.env as Record<string, string>).NODE_ENV = dev ? 'development' : 'production';

const { prepareRuntime } = await import('./runtime');
const { env, embedded } = await prepareRuntime({ local: dev || demo });
if (!env.AUTH_SECRET) {
  console.error('AUTH_SECRET is required for `npm start` (at least 32 characters, e.g. `openssl rand -base64 32`).');
  process.exit(1);
}

const { runMigrations } = await import('@/lib/db/migrate');
const { closeDb } = await import('@/lib/db/client');
const { ensureBootstrapAccess } = await import('@/lib/services/bootstrap/ensure-bootstrap-access');
const { markReady } = await import('@/lib/services/bootstrap/readiness');

await runMigrations();
await ensureBootstrapAccess(env);
if (demo) {
  const { seedDemoData } = await import('@/lib/seed/demo-seed');
  const { created } = await seedDemoData();
  if (created) console.log('Seeded the demo data.');
}
markReady();

const { default: next } = await import('next');
const app = next({ dev, dir: process.cwd(), hostname: env.HOSTNAME, port: env.PORT });
await app.prepare();
const handle = app.getRequestHandler();
// /api/v2 answered here by the endpoint definitions, without Next's per-request router; the rest,
// and API calls with the portal session cookie, go to Next.js. Not under `--dev`: there Next
// reloads the API code as it changes, which this process's own copy would not.
const dispatchApi = dev ? () => false : (await import('@/lib/api/dispatch')).apiDispatcher(env);
const server = http.createServer((req, res) => {
  // Only a trusted reverse proxy may name the client's IP (sign-in limits), scheme and host (HSTS,
  // Secure cookies, same-origin checks): this server itself speaks plain HTTP.
  if (!env.TRUST_PROXY) {
    req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? 'unknown';
    req.headers['x-forwarded-proto'] = 'http';
    delete req.headers['x-forwarded-host'];
  }
  if (!dispatchApi(req, res)) void handle(req, res);
});
// Longer than the idle timeout of clients' and proxies' keep-alive pools: a socket the server closes
// while a client reuses it for its next request is a connection reset (ECONNRESET) for that client.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
await new Promise<void>((resolve) => server.listen(env.PORT, env.HOSTNAME, resolve));

const shownHost = ['0.0.0.0', '::'].includes(env.HOSTNAME) ? 'localhost' : env.HOSTNAME;
console.log(`Charge Location Management ready on http://${shownHost}:${env.PORT}`);
// The OCPP gateway in the same process. OCPP_GATEWAY=off for a further web instance beside
// gateways of their own.
const gateway =
  env.OCPP_GATEWAY === 'on' ? await (await import('./product-gateway')).startProductGateway(env, { embedded: Boolean(embedded) }) : null;
// Imports and webhook deliveries, in every instance (they share the work through the database).
const jobs = (await import('@/lib/services/jobs')).startBackgroundJobs();
console.log(`Database: ${embedded ? `embedded PGlite in ${process.env.DATA_DIR || '.data'}/pglite` : 'DATABASE_URL'}`);
if (demo) {
  const { printDemoAccess } = await import('./demo-access');
  printDemoAccess(`http://${shownHost}:${env.PORT}`);
}
// The demo's stations: simulated hardware connecting to the gateway above like real stations do.
const simulated =
  demo && gateway ? (await import('./demo-stations')).startDemoStations({ url: `ws://127.0.0.1:${gateway.port}/ocpp` }) : null;
if (simulated) console.log(`Simulated stations on line: ${simulated.stations.map((s) => s.ocppId).join(', ')}`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  server.close();
  await simulated?.stop();
  await jobs.stop();
  await gateway?.close();
  await app.close?.();
  await closeDb();
  await embedded?.stop();
  process.exit(0);
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

// The e2e web server: a fresh database on a real Postgres (see test/postgres-server.ts), then
// `scripts/serve.ts --demo` on it with a known bootstrap key for the fixtures. On SIGTERM it stops
// the app and drops the database.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { acquirePostgres, createDatabase } from '@/test/postgres-server';
import { E2E_ADMIN_API_KEY, serverInfoFile } from './settings';

const server = await acquirePostgres();
const database = await createDatabase(server.adminUrl, 'clm_e2e');
console.log(`e2e database on ${server.source}`);
const infoFile = serverInfoFile(Number(process.env.PORT));
fs.writeFileSync(infoFile, JSON.stringify({ databaseUrl: database.url }), { mode: 0o600 });

const app = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/node-server-runtime.mjs', 'scripts/serve.ts', '--demo'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-secret-e2e-secret-e2e-secret-e2e-0123',
    ADMIN_API_KEY: E2E_ADMIN_API_KEY,
    NEXT_TELEMETRY_DISABLED: '1',
  },
});

let cleaning: Promise<void> | undefined;
const cleanUp = (code: number) =>
  (cleaning ??= (async () => {
    if (app.exitCode === null) {
      app.kill('SIGTERM');
      await new Promise((resolve) => app.once('exit', resolve));
    }
    fs.rmSync(infoFile, { force: true });
    await database.drop();
    await server.stop();
    process.exit(code);
  })());

app.once('exit', (code) => void cleanUp(code ?? 1));
process.on('SIGTERM', () => void cleanUp(0));
process.on('SIGINT', () => void cleanUp(0));

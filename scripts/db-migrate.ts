// `npm run db:migrate`: apply pending migrations to DATABASE_URL (or the embedded database).
import { prepareRuntime } from './runtime';

const { embedded } = await prepareRuntime({ local: true });
const { runMigrations } = await import('@/lib/db/migrate');
const { closeDb } = await import('@/lib/db/client');
await runMigrations();
console.log('Migrations applied.');
await closeDb();
await embedded?.stop();

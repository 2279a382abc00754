// `npm run db:seed [-- --stations N]`: migrate, then load the demo data (idempotent); with
// --stations N also grow the SPEC §6 data set to N stations with tenants, locations and audit
// events in proportion (benchmark data sets; lib/seed/scale-seed.ts).
import { prepareRuntime } from './runtime';

const flag = process.argv.indexOf('--stations');
const stations = flag >= 0 ? Number(process.argv[flag + 1]) : undefined;
if (stations !== undefined && (!Number.isInteger(stations) || stations < 0)) {
  console.error('--stations needs a whole number, e.g. --stations 200000');
  process.exit(1);
}

const { embedded } = await prepareRuntime({ local: true });
const { runMigrations } = await import('@/lib/db/migrate');
const { closeDb } = await import('@/lib/db/client');
const { seedDemoData } = await import('@/lib/seed/demo-seed');
const { seedScaleData } = await import('@/lib/seed/scale-seed');

const started = Date.now();
await runMigrations();
const { created } = await seedDemoData();
console.log(created ? 'Demo data created.' : 'Demo data already present.');
if (stations !== undefined) {
  const added = await seedScaleData(stations);
  console.log(
    `Generated (added): ${Object.entries(added)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')} (target ${stations} stations).`,
  );
}
console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
await closeDb();
await embedded?.stop();

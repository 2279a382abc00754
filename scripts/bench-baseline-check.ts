// `tsx scripts/bench-baseline-check.ts` with DATABASE_URL and BASELINE_PORT: proves the baseline server
// answers GET one station with the product's JSON (the product's verb for a demo tenant's API key,
// through its response schema) on a sample of that tenant's stations, before anything is timed.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { isDeepStrictEqual } from 'node:util';
import postgres from 'postgres';
import { contextForApiKey } from '@/lib/auth/load-context';
import { getDb } from '@/lib/db/client';
import { DEMO_API_KEYS } from '@/lib/seed/demo-accounts';
import { getChargeStation } from '@/lib/services/charge-stations/get-charge-station';

const port = Number(process.env.BASELINE_PORT ?? 3451);
const ctx = (await contextForApiKey(getDb(), DEMO_API_KEYS[0]!.secret))!;
const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
const [tenant] = await sql<{ id: string }[]>`select id from tenants where slug = ${DEMO_API_KEYS[0]!.tenant}`;
const ids = await sql<{ id: string }[]>`
  select id from charge_stations where tenant_id = ${tenant!.id} and deleted_at is null order by id limit 50`;
const baseline = spawn(
  process.execPath,
  ['--import', 'tsx', '--import', './scripts/node-server-runtime.mjs', 'scripts/bench-baseline.ts'],
  {
    stdio: 'inherit',
    env: { ...process.env, PORT: String(port), BASELINE_TENANT_ID: tenant!.id },
  },
);
let identical = 0;
const different: string[] = [];
try {
  await waitForListening();
  for (const { id } of ids) {
    const product = JSON.stringify(await getChargeStation({ ctx, id }));
    const body = await (await fetch(`http://127.0.0.1:${port}/api/v2/charge-stations/${id}`)).text();
    if (body === product) identical += 1;
    else if (!isDeepStrictEqual(JSON.parse(body), JSON.parse(product))) different.push(id);
  }
} finally {
  baseline.kill('SIGTERM');
  await once(baseline, 'exit');
  await sql.end();
}
console.log(`GET one station: ${ids.length} compared, ${identical} byte-identical, ${different.length} different`);
if (different.length) {
  console.error(`baseline differs from the product for ${different.join(', ')}`);
  process.exit(1);
}
process.exit(0);

async function waitForListening() {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error('the baseline server did not start');
}

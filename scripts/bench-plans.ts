// `tsx scripts/bench-plans.ts` (run by `npm run bench` with DATABASE_URL on the bench database):
// every statement the measured reads send — GET one, lists, export, sync page, dashboard — captured
// as the services send them and run again under EXPLAIN (ANALYZE, BUFFERS). Writes bench/PLANS.md.
import fs from 'node:fs';
import { and, inArray, isNull } from 'drizzle-orm';
import postgres from 'postgres';
import { contextForApiKey } from '@/lib/auth/load-context';
import type { AuthContext } from '@/lib/auth/context';
import { closeDb, getDb, observeStatements } from '@/lib/db/client';
import { chargeStations } from '@/lib/db/schema';
import { chargeStationExportQuerySchema, chargeStationListQuerySchema } from '@/lib/schemas/charge-station';
import { locationListQuerySchema } from '@/lib/schemas/location';
import { exportChargeStations, getChargeStation, listChargeStations } from '@/lib/services/charge-stations';
import { getDashboardSummary } from '@/lib/services/dashboard';
import { listLocations } from '@/lib/services/locations';
import { DEMO_API_KEYS } from '@/lib/seed/demo-accounts';
import { CPO_KEY_SECRET } from './bench-api';

const out = process.argv[2] ?? 'bench/PLANS.md';

async function captured(run: () => Promise<unknown>): Promise<{ text: string; parameters: unknown[] }[]> {
  const statements: { text: string; parameters: unknown[] }[] = [];
  const stop = observeStatements((text, parameters) => statements.push({ text, parameters }));
  try {
    await run();
  } finally {
    stop();
  }
  return statements;
}

const tenantKey = await contextForApiKey(getDb(), DEMO_API_KEYS[0]!.secret);
const cpoKey = await contextForApiKey(getDb(), CPO_KEY_SECRET);
if (!tenantKey || !cpoKey) throw new Error('run `npm run bench` first: it makes the CPO-wide bench key');
const tenant: AuthContext = tenantKey;
const cpo: AuthContext = cpoKey;
const [first] = await getDb()
  .select({ id: chargeStations.id })
  .from(chargeStations)
  .where(and(inArray(chargeStations.tenantId, [...tenant.tenants.keys()]), isNull(chargeStations.deletedAt)))
  .limit(1);
const stationId = first!.id;

const scenarios: [string, () => Promise<unknown>][] = [
  ['GET one station (tenant key)', () => getChargeStation({ ctx: tenant, id: stationId })],
  ['GET 100 stations of a tenant, default order', () => listChargeStations({ ctx: tenant, query: chargeStationListQuerySchema.parse({}) })],
  [
    'GET 100 stations of a tenant, sort=name',
    () => listChargeStations({ ctx: tenant, query: chargeStationListQuerySchema.parse({ sort: 'name' }) }),
  ],
  [
    'sync page: 1,000 stations of every tenant by date_from (CPO key)',
    () => listChargeStations({ ctx: cpo, query: chargeStationListQuerySchema.parse({ date_from: '2000-01-01T00:00:00Z', limit: '1000' }) }),
  ],
  [
    'stations page: status filter + sort by name (CPO)',
    () => listChargeStations({ ctx: cpo, query: chargeStationListQuerySchema.parse({ status: 'AVAILABLE', sort: 'name' }) }),
  ],
  [
    'stations page: search "utrecht" + sort by OCPP id desc (CPO)',
    () => listChargeStations({ ctx: cpo, query: chargeStationListQuerySchema.parse({ q: 'utrecht', sort: '-ocpp_id' }) }),
  ],
  ['locations page: sort by name (CPO)', () => listLocations({ ctx: cpo, query: locationListQuerySchema.parse({ sort: 'name' }) })],
  [
    'export of every station: the cursor and its first batch (CPO key)',
    async () => {
      const batches = exportChargeStations({ ctx: cpo, query: chargeStationExportQuerySchema.parse({ format: 'ndjson' }) });
      await batches.next();
      await batches.return(undefined);
    },
  ],
  ['dashboard (CPO)', () => getDashboardSummary({ ctx: cpo })],
];

/** A plan line with a page's ids spelled out is cut: the plan's shape is what matters. */
const shortened = (line: string) => (line.length > 240 ? `${line.slice(0, 240)} …` : line);

// Plans are read on a connection of its own; the statements are sent as the services sent them.
const explain = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
const lines = [
  '# Query plans at benchmark scale',
  '',
  `Every statement the measured reads send, captured from the services and run again under \`EXPLAIN (ANALYZE, BUFFERS)\` on the bench database (${new Date().toISOString()}, \`npm run bench\`). Utility statements (BEGIN, FETCH, COMMIT) are left out; a DECLARE shows the query it runs. Lines listing a page's ids are cut at 240 characters.`,
  '',
];
for (const [label, run] of scenarios) {
  const statements = await captured(run);
  lines.push(`## ${label}`, '', `${statements.length} statements in all.`, '');
  for (const { text, parameters } of statements) {
    const query = text.replace(/^\s*declare\s+\S+\s+no scroll cursor(\s+with hold)?\s+for\s+/i, '');
    if (!/^\s*(select|with)\b/i.test(query)) continue;
    const plan = await explain.unsafe(`explain (analyze, buffers) ${query}`, parameters as postgres.ParameterOrJSON<never>[]);
    lines.push('```sql', query.trim(), '```', '', '```', ...plan.map((row) => shortened(String(row['QUERY PLAN']))), '```', '');
  }
}
fs.writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`wrote ${out}`);
await explain.end();
await closeDb();

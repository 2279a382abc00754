import { contextForApiKey } from '@/lib/auth/load-context';
import { closeDb, getDb } from '@/lib/db/client';
import { chargeStationExportQuerySchema } from '@/lib/schemas/charge-station';
import { exportChargeStations } from '@/lib/services/charge-stations';
const ctx = (await contextForApiKey(getDb(), 'clm_bench_cpo_wide_key'))!;
const t = performance.now();
let n = 0; let bytes = 0;
for await (const batch of exportChargeStations({ ctx, query: chargeStationExportQuerySchema.parse({ format: 'ndjson' }) })) {
  n += batch.length; bytes += batch.map((s) => JSON.stringify(s) + '\n').join('').length;
  if (n >= 60000) break;
}
console.log(n, bytes, ((performance.now() - t) / 1000).toFixed(1), 's');
await closeDb();

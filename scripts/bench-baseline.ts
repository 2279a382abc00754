// The benchmark's baseline: what GET /api/v2/charge-stations/{id} costs with no framework — plain
// node:http and postgres.js, no authentication (the tenant is fixed by BASELINE_TENANT_ID), the same
// SQL results assembled by the product's own pure `assembleStations`, so the JSON is the product's.
// `tsx scripts/bench-baseline.ts` with DATABASE_URL, PORT and BASELINE_TENANT_ID.
import http from 'node:http';
import postgres from 'postgres';
import type { ChargeStationRow } from '@/lib/db/schema';
import { assembleStations, type EvseTree, type StationGroupRow } from '@/lib/services/charge-stations/station-record';

// numeric columns (max_power_kw, max_electric_power…) as numbers, as drizzle's `mode: 'number'` reads them.
const sql = postgres(process.env.DATABASE_URL!, {
  max: 10,
  transform: postgres.camel,
  types: { numeric: { to: 1700, from: [1700], serialize: String, parse: Number } },
  onnotice: () => {},
});
const tenantId = process.env.BASELINE_TENANT_ID!;
const stationPath = /^\/api\/v2\/charge-stations\/([0-9a-f-]{36})$/;

async function station(id: string): Promise<unknown> {
  const [row] = await sql<ChargeStationRow[]>`
    select * from charge_stations where id = ${id} and tenant_id = ${tenantId} and deleted_at is null`;
  if (!row) return undefined;
  const evses = await sql<EvseTree['evses']>`select * from evses where station_id = ${id} order by station_id, position`;
  const uids = evses.map((e) => e.uid);
  const [connectors, tariffs, groups] = await Promise.all([
    sql<EvseTree['connectors']>`select * from connectors where evse_uid = any(${uids}::uuid[]) order by position`,
    sql<EvseTree['tariffs']>`select * from connector_tariffs where evse_uid = any(${uids}::uuid[]) order by position`,
    sql<StationGroupRow[]>`
      select g.station_id, c.name from station_custom_groups g join custom_groups c on c.id = g.group_id
      where g.station_id = ${id} order by c.name`,
  ]);
  return assembleStations([row], { evses: [...evses], connectors: [...connectors], tariffs: [...tariffs] }, [...groups])[0];
}

http
  .createServer(async (request, response) => {
    // What the bench waits for before it starts, as it does for the product.
    if (request.url === '/api/health') {
      response.writeHead(200).end();
      return;
    }
    const match = request.method === 'GET' ? stationPath.exec(request.url ?? '') : null;
    const body = match ? await station(match[1]!) : undefined;
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  })
  .listen(Number(process.env.PORT), '127.0.0.1');

// The benchmark's baseline: what the measured /api/v2/charge-stations requests cost with no
// framework — plain node:http and postgres.js, no authentication, no rate limit, no change horizon.
// Who is calling comes from two headers the bench sends: `x-baseline-key-id` (the API key the
// product sees, so list cursors are signed for the same caller) and `x-baseline-tenant` (its
// tenant; absent = every tenant). The rows are assembled by the product's own pure
// `assembleStations`, cursors by its `encodeCursor`, CSV cells by its `csvCell`, so the JSON is the
// product's. `tsx scripts/bench-baseline.ts` with DATABASE_URL, PORT and AUTH_SECRET.
import http from 'node:http';
import { stringify } from 'csv-stringify/sync';
import postgres from 'postgres';
import type { AuthContext } from '@/lib/auth/context';
import type { ChargeStationRow } from '@/lib/db/schema';
import { csvCell } from '@/lib/http/export';
import { chargeStationListQuerySchema, chargeStationSchema, type ChargeStation } from '@/lib/schemas/charge-station';
import { diffChanges } from '@/lib/services/shared/audit';
import { assembleStations, type EvseTree, type StationGroupRow } from '@/lib/services/charge-stations/station-record';
import { decodeCursor, encodeCursor } from '@/lib/services/shared/cursor';

// numeric columns (max_power_kw, max_electric_power…) as numbers, as drizzle's `mode: 'number'` reads them.
const sql = postgres(process.env.DATABASE_URL!, {
  max: 10,
  transform: postgres.camel,
  types: { numeric: { to: 1700, from: [1700], serialize: String, parse: Number } },
  onnotice: () => {},
});
type Db = postgres.Sql | postgres.TransactionSql;
type Caller = { keyId: string; tenant: string | null };
const stationPath = /^\/api\/v2\/charge-stations\/([0-9a-f-]{36})$/;
const STATION_COLUMNS = Object.keys(chargeStationSchema.shape) as (keyof ChargeStation & string)[];

const tenantIs = (caller: Caller) => (caller.tenant ? sql`and tenant_id = ${caller.tenant}` : sql``);

async function assemble(db: Db, rows: ChargeStationRow[]): Promise<ChargeStation[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const evses = await db<EvseTree['evses']>`select * from evses where station_id = any(${ids}::uuid[]) order by station_id, position`;
  const uids = evses.map((e) => e.uid);
  const [connectors, tariffs, groups] = await Promise.all([
    db<EvseTree['connectors']>`select * from connectors where evse_uid = any(${uids}::uuid[]) order by position`,
    db<EvseTree['tariffs']>`select * from connector_tariffs where evse_uid = any(${uids}::uuid[]) order by position`,
    db<StationGroupRow[]>`
      select g.station_id, c.name from station_custom_groups g join custom_groups c on c.id = g.group_id
      where g.station_id = any(${ids}::uuid[]) order by c.name`,
  ]);
  return assembleStations(rows, { evses: [...evses], connectors: [...connectors], tariffs: [...tariffs] }, [...groups]);
}

async function getOne(caller: Caller, id: string) {
  const rows = await sql<ChargeStationRow[]>`
    select * from charge_stations where id = ${id} ${tenantIs(caller)} and deleted_at is null`;
  return (await assemble(sql, [...rows]))[0];
}

/** GET the list: `sort` updated_at (default) or name, `limit`, `cursor`, `date_from`. */
async function list(caller: Caller, search: URLSearchParams) {
  const query = chargeStationListQuerySchema.parse(Object.fromEntries(search));
  const { limit, cursor, sort, ...filters } = query;
  const ctx = { actor: { kind: 'api_key', id: caller.keyId } } as AuthContext;
  const binding = { ctx, endpoint: 'charge-stations', filters: { ...filters, sort } };
  const byName = sort === 'name';
  const key = byName ? sql`coalesce(name, '')` : sql`updated_at`;
  const position = cursor ? decodeCursor(cursor, binding) : undefined;
  const after = position
    ? byName
      ? sql`and (coalesce(name, ''), id) > (${position.value}, ${position.id}::uuid)`
      : sql`and (updated_at, id) > (${position.value}::timestamptz, ${position.id}::uuid)`
    : sql``;
  const since = query.date_from ? sql`and updated_at >= ${query.date_from}` : sql``;
  const rows = await sql<ChargeStationRow[]>`
    select * from charge_stations where deleted_at is null ${tenantIs(caller)} ${since} ${after}
    order by ${key}, id limit ${limit + 1}`;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next_cursor =
    rows.length > limit && last
      ? encodeCursor({ value: byName ? (last.name ?? '') : last.updatedAt.toISOString(), id: last.id }, binding)
      : null;
  return { data: await assemble(sql, page), next_cursor };
}

/** PATCH `{"remarks": …}` with If-Match: version check, update and audit event in one transaction. */
async function patch(caller: Caller, id: string, version: number | undefined, body: { remarks: string }) {
  return sql.begin(async (tx) => {
    const rows = await tx<ChargeStationRow[]>`
      select * from charge_stations where id = ${id} ${tenantIs(caller)} and deleted_at is null for update`;
    if (!rows.length) return { status: 404 } as const;
    const [before] = await assemble(tx, [...rows]);
    if (version !== undefined && version !== before!.version) return { status: 412 } as const;
    const updated = await tx<ChargeStationRow[]>`
      update charge_stations set remarks = ${body.remarks}, version = version + 1, updated_at = clock_timestamp()
      where id = ${id} returning *`;
    const [after] = await assemble(tx, [...updated]);
    await tx`
      insert into audit_events (actor, tenant_id, action, entity, entity_id, changes)
      values (${`api_key:${caller.keyId}`}, ${after!.tenant_id}, 'charge_station.updated', 'charge_station', ${id},
        ${tx.json(diffChanges(before, after) as postgres.JSONValue)})`;
    return { status: 200, station: after! } as const;
  });
}

/** The export: one cursor, 1,000 rows a batch, written with backpressure. */
async function exportStations(caller: Caller, format: 'ndjson' | 'csv', response: http.ServerResponse) {
  response.writeHead(200, { 'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson' });
  if (format === 'csv') response.write(stringify([STATION_COLUMNS as string[]]));
  const line =
    format === 'ndjson'
      ? (s: ChargeStation) => `${JSON.stringify(s)}\n`
      : (s: ChargeStation) => stringify([STATION_COLUMNS.map((c) => csvCell(s[c]))]);
  await sql.begin('isolation level repeatable read read only', async (tx) => {
    // DECLARE + FETCH rather than postgres.js's cursor(), which holds the connection: the EVSE
    // queries of each batch run on the same transaction between FETCHes.
    await tx`declare stations no scroll cursor for
      select * from charge_stations where deleted_at is null ${tenantIs(caller)} order by updated_at, id`;
    for (;;) {
      const rows = await tx<ChargeStationRow[]>`fetch 1000 from stations`;
      if (!rows.length) break;
      const chunk = (await assemble(tx, [...rows])).map(line).join('');
      if (!response.write(chunk)) await new Promise((resolve) => response.once('drain', resolve));
    }
  });
  response.end();
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

http
  .createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://baseline');
    // What the bench waits for before it starts, as it does for the product.
    if (url.pathname === '/api/health') return void response.writeHead(200).end();
    const caller = {
      keyId: String(request.headers['x-baseline-key-id'] ?? ''),
      tenant: (request.headers['x-baseline-tenant'] as string | undefined) ?? null,
    };
    const json = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
      response
        .writeHead(status, { 'content-type': 'application/json', ...headers })
        .end(body === undefined ? undefined : JSON.stringify(body));
    try {
      const one = stationPath.exec(url.pathname);
      if (request.method === 'GET' && url.pathname === '/api/v2/charge-stations') return json(200, await list(caller, url.searchParams));
      if (request.method === 'GET' && url.pathname === '/api/v2/charge-stations/export') {
        return await exportStations(caller, url.searchParams.get('format') === 'csv' ? 'csv' : 'ndjson', response);
      }
      if (request.method === 'GET' && one) {
        const station = await getOne(caller, one[1]!);
        return station ? json(200, station) : json(404);
      }
      if (request.method === 'PATCH' && one) {
        const ifMatch = /^"(\d+)"$/.exec(String(request.headers['if-match'] ?? ''));
        const result = await patch(caller, one[1]!, ifMatch ? Number(ifMatch[1]) : undefined, JSON.parse(await readBody(request)));
        return result.status === 200 ? json(200, result.station, { etag: `"${result.station.version}"` }) : json(result.status);
      }
      json(404);
    } catch (error) {
      console.error('baseline failed', error);
      if (!response.headersSent) json(500);
      else response.destroy();
    }
  })
  .listen(Number(process.env.PORT), '127.0.0.1');

import { spawn } from 'node:child_process';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { GET as getOne } from '@/app/api/v2/imports/[id]/route';
import { GET as errorReport } from '@/app/api/v2/imports/[id]/error-report/route';
import { POST as upload } from '@/app/api/v2/imports/route';
import { getDb } from '@/lib/db/client';
import { auditEvents, chargeStations, connectors, evses, importRows, imports, locations } from '@/lib/db/schema';
import { runImports } from '@/lib/services/imports';
import { call } from '@/test/api/request';
import { makeApiKey, makeLocation, makeTenant } from '@/test/fixtures';

const HEADER = 'external_id,name,address,city,country,latitude,longitude,facilities';
const unique = () => Math.random().toString(36).slice(2, 10);

async function send(key: string, file: string, query: string, type = 'text/csv') {
  return call(upload, `/api/v2/imports?${query}`, { method: 'POST', key, rawBody: file, headers: { 'content-type': type } });
}

/** Runs the worker until no job is left (other files' jobs included: they share the database). */
async function drain() {
  for (let i = 0; i < 100 && (await runImports()); i += 1);
}

async function shown(key: string, id: string) {
  return (await call(getOne, `/api/v2/imports/${id}`, { key, params: { id } })).body;
}

async function tenantWithKey(role = 'customer_operator') {
  const tenant = await makeTenant('Import');
  const { secret } = await makeApiKey(role, tenant.id);
  return { tenant, key: secret };
}

describe('CSV import of locations', () => {
  it('applies the good rows, reports the bad ones by line and JSON pointer, and offers them as a CSV report', async () => {
    const { tenant, key } = await tenantWithKey();
    const p = unique();
    const file = [
      HEADER,
      `${p}-1,Parkzicht,Parklaan 12,Utrecht,NLD,52.09,5.12,PARKING_LOT;CAFE`,
      `${p}-2,"Stationsplein, oost",Stationsplein 1,Amersfoort,NLD,52.15,5.37,`,
      `${p}-3,Broken,Somewhere 1,Zeist,NLD,north,5.2,`,
      `${p}-4,Far,Nowhere 2,Zeist,NLD,95,5.2,NOT_A_FACILITY`,
    ].join('\n');
    const accepted = await send(key, file, 'entity=locations');
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ status: 'QUEUED', entity: 'locations', dry_run: false, total: 4, processed: 0 });
    expect(accepted.headers.get('location')).toBe(`/api/v2/imports/${accepted.body.id}`);
    await drain();
    const done = await shown(key, accepted.body.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', total: 4, processed: 4, created: 2, updated: 0, failed: 2 });
    expect(done.finished_at).not.toBeNull();
    expect(done.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 4, path: '/coordinates/latitude' }),
        expect.objectContaining({ line: 5, path: '/coordinates/latitude' }),
        expect.objectContaining({ line: 5, path: '/facilities/0' }),
      ]),
    );
    const rows = await getDb().select().from(locations).where(eq(locations.tenantId, tenant.id));
    expect(rows.map((r) => r.name).sort()).toEqual(['Parkzicht', 'Stationsplein, oost']);
    expect(rows.find((r) => r.name === 'Parkzicht')!.facilities).toEqual(['PARKING_LOT', 'CAFE']);

    const report = await errorReport(
      new (await import('next/server')).NextRequest(`http://localhost/api/v2/imports/${done.id}/error-report`, {
        headers: { authorization: `Bearer ${key}` },
      }),
      { params: Promise.resolve({ id: done.id }) },
    );
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toMatch(/^text\/csv/);
    const table = parse(await report.text(), { columns: true }) as Record<string, string>[];
    expect(table.map((r) => [r.line, r.external_id])).toEqual([
      ['4', `${p}-3`],
      ['5', `${p}-4`],
    ]);
    expect(table[0]!.errors).toMatch(/^\/coordinates\/latitude: /);
  });

  it('writes nothing in a dry run, and re-running a file upserts instead of duplicating', async () => {
    const { tenant, key } = await tenantWithKey();
    const p = unique();
    const file = (name: string) =>
      [HEADER, `${p}-1,${name},Parklaan 12,Utrecht,NLD,52.09,5.12,`, `${p}-2,Two,Laan 2,Utrecht,NLD,52.1,5.1,`].join('\n');
    const dry = await send(key, file('One'), 'entity=locations&dry_run=true');
    await drain();
    expect(await shown(key, dry.body.id)).toMatchObject({ status: 'SUCCEEDED', dry_run: true, created: 2, failed: 0, processed: 2 });
    expect(await getDb().select().from(locations).where(eq(locations.tenantId, tenant.id))).toEqual([]);
    expect((await getDb().select().from(importRows).where(eq(importRows.importId, dry.body.id))).map((r) => r.outcome)).toEqual([
      'VALID',
      'VALID',
    ]);

    const first = await send(key, file('One'), 'entity=locations');
    await drain();
    expect(await shown(key, first.body.id)).toMatchObject({ created: 2, updated: 0 });
    const again = await send(key, file('One renamed'), 'entity=locations');
    await drain();
    expect(await shown(key, again.body.id)).toMatchObject({ created: 0, updated: 2, failed: 0 });
    const rows = await getDb().select().from(locations).where(eq(locations.tenantId, tenant.id));
    expect(rows.map((r) => r.name).sort()).toEqual(['One renamed', 'Two']);
    expect(rows.find((r) => r.name === 'One renamed')!.version).toBe(2);
  });

  it("refuses a row the caller may not write, with its line, and never matches another tenant's external_id", async () => {
    const { tenant, key } = await tenantWithKey();
    const other = await makeTenant('Other');
    const theirs = await makeLocation(other.id, { externalId: `shared-${unique()}`, name: 'Theirs' });
    const file = [
      `tenant_id,${HEADER}`,
      `${other.id},x-${unique()},Intruder,Laan 1,Utrecht,NLD,52.1,5.1,`,
      `,${theirs.externalId},Mine,Laan 3,Utrecht,NLD,52.1,5.1,`,
    ].join('\n');
    const accepted = await send(key, file, 'entity=locations');
    await drain();
    const done = await shown(key, accepted.body.id);
    expect(done).toMatchObject({ created: 1, updated: 0, failed: 1 });
    expect(done.errors).toEqual([{ line: 2, path: '/tenant_id', message: 'unknown tenant' }]);
    const [untouched] = await getDb().select().from(locations).where(eq(locations.id, theirs.id));
    expect(untouched).toMatchObject({ name: 'Theirs', version: 1 });
    const mine = await getDb().select().from(locations).where(eq(locations.tenantId, tenant.id));
    expect(mine.map((r) => [r.name, r.externalId])).toEqual([['Mine', theirs.externalId]]);
    // Without the permission at all, the upload itself is refused.
    const viewer = await makeApiKey('viewer', tenant.id);
    expect((await send(viewer.secret, file, 'entity=locations')).status).toBe(403);
  });

  it('answers a clear error for a malformed file and stores nothing', async () => {
    const { key } = await tenantWithKey();
    const before = (
      await getDb()
        .select({ n: sql<number>`count(*)::int` })
        .from(imports)
    )[0]!.n;
    const quotes = await send(key, `${HEADER}\nx,"Open quote,Laan 1,Utrecht,NLD,52.1,5.1,\n`, 'entity=locations');
    expect(quotes.status).toBe(400);
    expect(quotes.headers.get('content-type')).toBe('application/problem+json');
    expect(quotes.body.detail).toMatch(/^The file is not valid CSV: .*quote/i);
    const header = await send(key, 'name,street,town\nA,B,C\n', 'entity=locations');
    expect(header.status).toBe(422);
    expect(header.body.errors).toEqual([
      { path: '', message: 'line 1: unknown column "street"' },
      { path: '', message: 'line 1: unknown column "town"' },
    ]);
    expect((await send(key, 'a,b', 'entity=locations', 'application/json')).status).toBe(415);
    expect((await send(key, HEADER, 'entity=nothing')).status).toBe(400);
    const after = (
      await getDb()
        .select({ n: sql<number>`count(*)::int` })
        .from(imports)
    )[0]!.n;
    expect(after).toBe(before);
  });

  it('answers 413 past 50 MiB, counted while streaming', async () => {
    const { key } = await tenantWithKey();
    const row = `x,Name,Laan 1,Utrecht,NLD,52.1,5.1,${'PARKING_LOT;'.repeat(60)}\n`;
    const big = HEADER + '\n' + row.repeat(Math.ceil((50 * 1024 * 1024) / row.length) + 10);
    const answer = await send(key, big, 'entity=locations');
    expect(answer.status).toBe(413);
  }, 60_000);
});

describe('NDJSON import of charge stations', () => {
  it('creates stations with EVSEs and connectors, reports bad lines, and upserts by ocpp_id', async () => {
    const { tenant, key } = await tenantWithKey();
    const location = await makeLocation(tenant.id);
    const p = unique().toUpperCase();
    const connector = { standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 400, max_amperage: 32 };
    const lines = [
      JSON.stringify({
        ocpp_id: `${p}-1`,
        charger_type: 'AC',
        location_id: location.id,
        evses: [
          {
            connectors: [
              { id: '1', ...connector },
              { id: '2', ...connector },
            ],
          },
        ],
      }),
      '{"ocpp_id": broken',
      JSON.stringify({ ocpp_id: `${p}-2`, charger_type: 'PLASMA', tenant_id: tenant.id }),
      '',
      JSON.stringify({ ocpp_id: `${p}-3`, charger_type: 'DC', tenant_id: tenant.id, name: 'Fast' }),
    ];
    const accepted = await send(key, lines.join('\n'), 'entity=charge_stations', 'application/x-ndjson');
    expect(accepted.status).toBe(202);
    await drain();
    const done = await shown(key, accepted.body.id);
    expect(done).toMatchObject({ total: 4, created: 2, failed: 2 });
    expect(done.errors.map((e: { line: number; path: string }) => [e.line, e.path])).toEqual([
      [2, ''],
      [3, '/charger_type'],
    ]);
    const stations = await getDb()
      .select()
      .from(chargeStations)
      .where(inArray(chargeStations.ocppId, [`${p}-1`, `${p}-3`]));
    expect(stations).toHaveLength(2);
    const linked = stations.find((s) => s.ocppId === `${p}-1`)!;
    expect(linked.locationId).toBe(location.id);
    // Audited like a POST, by the caller that uploaded the file, with the whole station as created.
    const audit = await getDb().select().from(auditEvents).where(eq(auditEvents.entityId, linked.id));
    expect(audit.map((e) => [e.action, e.actor.startsWith('api_key:')])).toEqual([['charge_station.created', true]]);
    expect(audit[0]!.changes).toMatchObject({ ocpp_id: { before: null, after: `${p}-1` } });
    const stationEvses = await getDb().select().from(evses).where(eq(evses.stationId, linked.id));
    expect(stationEvses).toHaveLength(1);
    expect(await getDb().select().from(connectors).where(eq(connectors.evseUid, stationEvses[0]!.uid))).toHaveLength(2);

    // Created together (one batch of statements) and one by one alike: another tenant is unknown,
    // and a second row of the same ocpp_id in the file updates what the first created.
    const other = await makeTenant('Other');
    const mixed = await send(
      key,
      [
        JSON.stringify({ ocpp_id: `${p}-6`, charger_type: 'AC', tenant_id: tenant.id, name: 'First' }),
        JSON.stringify({ ocpp_id: `${p}-7`, charger_type: 'AC', tenant_id: other.id }),
        JSON.stringify({ ocpp_id: `${p}-6`, name: 'Second' }),
        JSON.stringify({ ocpp_id: `${p}-8`, charger_type: 'AC', location_id: location.id, custom_groups: ['Imported'] }),
      ].join('\n'),
      'entity=charge_stations',
      'application/x-ndjson',
    );
    await drain();
    expect(await shown(key, mixed.body.id)).toMatchObject({
      created: 2,
      updated: 1,
      failed: 1,
      errors: [{ line: 2, path: '/tenant_id', message: 'unknown tenant' }],
    });
    const [twice] = await getDb()
      .select()
      .from(chargeStations)
      .where(eq(chargeStations.ocppId, `${p}-6`));
    expect(twice).toMatchObject({ name: 'Second', version: 2, tenantId: tenant.id });
    expect(
      await getDb()
        .select()
        .from(chargeStations)
        .where(eq(chargeStations.ocppId, `${p}-7`)),
    ).toEqual([]);
    const [grouped] = await getDb()
      .select()
      .from(chargeStations)
      .where(eq(chargeStations.ocppId, `${p}-8`));
    expect(grouped).toMatchObject({ locationId: location.id, commissioningStatus: 'LINKED' });

    // A NUL character cannot be stored by Postgres: that row fails alone, with its line.
    const nul = await send(
      key,
      [
        JSON.stringify({ ocpp_id: `${p}-4`, charger_type: 'AC', tenant_id: tenant.id, name: 'a\u0000b' }),
        JSON.stringify({ ocpp_id: `${p}-5`, charger_type: 'AC', tenant_id: tenant.id }),
      ].join('\n'),
      'entity=charge_stations',
      'application/x-ndjson',
    );
    expect(nul.status).toBe(202);
    await drain();
    expect(await shown(key, nul.body.id)).toMatchObject({
      created: 1,
      failed: 1,
      errors: [{ line: 1, path: '', message: 'contains a NUL character (U+0000), which cannot be stored' }],
    });

    const rerun = await send(key, JSON.stringify({ ocpp_id: `${p}-3`, name: 'Faster' }), 'entity=charge_stations', 'application/x-ndjson');
    await drain();
    expect(await shown(key, rerun.body.id)).toMatchObject({ created: 0, updated: 1, failed: 0 });
    const [renamed] = await getDb()
      .select()
      .from(chargeStations)
      .where(and(eq(chargeStations.ocppId, `${p}-3`)));
    expect(renamed).toMatchObject({ name: 'Faster', version: 2 });
  });
});

describe('an app restart mid-import', () => {
  it('resumes where the killed worker stopped, without applying a row twice', async () => {
    const { tenant, key } = await tenantWithKey();
    const p = unique();
    const total = 1500;
    const file = [HEADER, ...Array.from({ length: total }, (_, i) => `${p}-${i},Loc ${i},Laan ${i},Utrecht,NLD,52.1,5.1,`)].join('\n');
    const accepted = await send(key, file, 'entity=locations');
    // A worker in a process of its own, killed (SIGKILL: no clean-up) once it is part-way.
    const worker = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './scripts/node-server-runtime.mjs', 'test/integrations/import-worker.ts'],
      {
        env: process.env,
        stdio: 'ignore',
      },
    );
    let processed = 0;
    for (let i = 0; i < 600 && processed === 0; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      processed = (await getDb().select().from(imports).where(eq(imports.id, accepted.body.id)))[0]!.processed;
    }
    worker.kill('SIGKILL');
    await new Promise((resolve) => worker.once('exit', resolve));
    const stopped = (await getDb().select().from(imports).where(eq(imports.id, accepted.body.id)))[0]!;
    expect(stopped.processed).toBeGreaterThan(0);
    expect(stopped.processed).toBeLessThan(total);
    expect(stopped.status).toBe('RUNNING');
    // The dead worker's lease runs out (30 s); let it have run out now.
    await getDb()
      .update(imports)
      .set({ lockedUntil: sql`clock_timestamp() - interval '1 second'` })
      .where(eq(imports.id, accepted.body.id));
    await drain();
    expect(await shown(key, accepted.body.id)).toMatchObject({ status: 'SUCCEEDED', processed: total, created: total, failed: 0 });
    const [counts] = await getDb()
      .select({ n: sql<number>`count(*)::int`, distinct: sql<number>`count(distinct external_id)::int` })
      .from(locations)
      .where(eq(locations.tenantId, tenant.id));
    expect(counts).toEqual({ n: total, distinct: total });
  }, 90_000);
});

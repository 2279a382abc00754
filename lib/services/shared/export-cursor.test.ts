import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { t2SocketExample } from '@/lib/api/examples';
import { getDb } from '@/lib/db/client';
import { locations } from '@/lib/db/schema';
import { chargeStationExportQuerySchema } from '@/lib/schemas/charge-station';
import { locationExportQuerySchema, locationListQuerySchema } from '@/lib/schemas/location';
import { createChargeStation, exportChargeStations, getChargeStation } from '@/lib/services/charge-stations';
import { exportLocations, listLocations } from '@/lib/services/locations';
import { makeLocation, makeTariff, makeTenant, userContext } from '@/test/fixtures';
import { countStatements } from '@/test/statements';
import { EXPORT_BATCH } from './export-cursor';

const TOTAL = 2 * EXPORT_BATCH + 345;

async function tenantWithLocations(label: string) {
  const tenant = (await makeTenant(label)).id;
  await getDb()
    .insert(locations)
    .values(
      Array.from({ length: TOTAL }, (_, i) => ({
        tenantId: tenant,
        name: `${label} ${String((i * 7919) % TOTAL).padStart(5, '0')}`,
        address: 'Parklaan 12',
        city: 'Utrecht',
        country: 'NLD',
        latitude: 52.09,
        longitude: 5.12,
      })),
    );
  return { tenant, viewer: await userContext('viewer', [tenant]) };
}

describe('exports read one server-side cursor', () => {
  it('returns every row in the list order, a batch at a time, with one query for the order', async () => {
    const { viewer } = await tenantWithLocations('Cursor');
    const listed: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listLocations({ ctx: viewer, query: locationListQuerySchema.parse({ sort: 'name', limit: '1000', cursor }) });
      listed.push(...page.data.map((l) => l.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);

    const batches: number[] = [];
    const exported: string[] = [];
    const { statements } = await countStatements(async () => {
      for await (const batch of exportLocations({
        ctx: viewer,
        query: locationExportQuerySchema.parse({ format: 'ndjson', sort: 'name' }),
      })) {
        batches.push(batch.length);
        exported.push(...batch.map((l) => l.id));
      }
    });
    expect(exported).toHaveLength(TOTAL);
    expect(exported).toEqual(listed);
    expect(batches).toEqual([EXPORT_BATCH, EXPORT_BATCH, 345]);
    // The ordered, filtered query runs once, inside DECLARE; no list query per page.
    expect(statements.filter((s) => /^declare /i.test(s))).toHaveLength(1);
    const others = statements.filter((s) => !/^declare /i.test(s) && /from "locations"/.test(s));
    expect(others).toHaveLength(3); // one load by id per batch
    for (const load of others) expect(load).toMatch(/where "locations"\."id" = any\(\$1::uuid\[\]\)/);
  });

  it('sees one snapshot: a change committed while the export runs is not in it', async () => {
    const { tenant, viewer } = await tenantWithLocations('Snapshot');
    const last = await getDb().execute<{ id: string }>(
      sql`select id from locations where tenant_id = ${tenant} order by name desc, id desc limit 1`,
    );
    const names: string[] = [];
    for await (const batch of exportLocations({ ctx: viewer, query: locationExportQuerySchema.parse({ format: 'csv', sort: 'name' }) })) {
      if (!names.length) await getDb().update(locations).set({ name: 'Renamed meanwhile' }).where(eq(locations.id, last[0]!.id));
      names.push(...batch.map((l) => l.name));
    }
    expect(names).toHaveLength(TOTAL);
    expect(names).not.toContain('Renamed meanwhile');
  });

  it('gives its connection back when the consumer stops early, also more often than the pool is large', async () => {
    const { viewer } = await tenantWithLocations('Abandoned');
    for (let i = 0; i < 15; i++) {
      const batches = exportLocations({ ctx: viewer, query: locationExportQuerySchema.parse({ format: 'ndjson' }) });
      expect((await batches.next()).value).toHaveLength(EXPORT_BATCH);
      await batches.return(undefined);
    }
    const open = await getDb().execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
    );
    expect(open[0]!.n).toBe(0);
  });

  it('reads station rows from the cursor exactly as GET reads them (dates, numbers, JSON, arrays, EVSE tree, groups)', async () => {
    const tenant = (await makeTenant('Rows')).id;
    const location = (await makeLocation(tenant)).id;
    const tariff = await makeTariff('ROWS', [tenant]);
    const admin = await userContext('customer_admin', [tenant]);
    for (const [i, name] of [null, 'Zuid', '=SUM(A1)'].entries()) {
      await createChargeStation({
        ctx: admin,
        input: {
          ocpp_id: `ROWS-${Date.now().toString(36)}-${i}`,
          name,
          location_id: location,
          charger_type: 'AC',
          max_power_kw: 22.5,
          custom_groups: ['b-group', 'a-group'],
          remarks: 'line one\nline two',
          configuration: { HeartbeatInterval: '300' },
          evses: [
            {
              evse_id: `NL*GFX*E${i}*1`,
              capabilities: ['RFID_READER'],
              connectors: [{ ...t2SocketExample, tariff_ids: [tariff] }],
            },
          ],
        },
      });
    }
    const exported = [];
    for await (const batch of exportChargeStations({ ctx: admin, query: chargeStationExportQuerySchema.parse({ format: 'ndjson' }) })) {
      exported.push(...batch);
    }
    expect(exported).toHaveLength(3);
    for (const station of exported) expect(station).toEqual(await getChargeStation({ ctx: admin, id: station.id }));
  });
});

import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Its own database: the scale seed adds demo tenants and GEN- rows the shared test database must not see.
const shared = new URL(process.env.DATABASE_URL!);
const name = `clm_seed_scale_${process.pid}`;
const admin = postgres(shared.href, { max: 1 });

beforeAll(async () => {
  await admin.unsafe(`create database ${name}`);
  process.env.DATABASE_URL = Object.assign(new URL(shared.href), { pathname: `/${name}` }).href;
});

afterAll(async () => {
  const { closeDb } = await import('@/lib/db/client');
  await closeDb();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe('scale seed', () => {
  it('grows the data set in proportion to the stations and adds nothing on a rerun', async () => {
    const { runMigrations } = await import('@/lib/db/migrate');
    const { seedDemoData } = await import('@/lib/seed/demo-seed');
    const { seedScaleData, scaleTargets } = await import('@/lib/seed/scale-seed');
    const { getDb } = await import('@/lib/db/client');
    const [where] = await getDb().execute<{ db: string }>('select current_database() as db' as never);
    expect(where!.db).toBe(name);
    await runMigrations();
    await seedDemoData();
    const counts = async () => {
      const [row] = await getDb().execute<Record<string, number>>(
        `select (select count(*)::int from tenants where slug like 'gen-tenant-%') as tenants,
                (select count(*)::int from locations where external_id like 'GEN-LOC-%') as locations,
                (select count(*)::int from charge_stations where ocpp_id like 'GEN-%') as stations,
                (select count(*)::int from evses e join charge_stations s on s.id = e.station_id where s.ocpp_id like 'GEN-%') as evses,
                (select count(*)::int from audit_events where request_id like 'seed-%') as "auditEvents"` as never,
      );
      return row!;
    };
    const target = scaleTargets(2000);
    expect(target).toEqual({ tenants: 2, locations: 500, stations: 2000, auditEvents: 10000 });
    expect(await seedScaleData(2000)).toEqual(target);
    expect(await counts()).toEqual({ ...target, evses: 4000 });
    expect(await seedScaleData(2000)).toEqual({ tenants: 0, locations: 0, stations: 0, auditEvents: 0 });
    expect(await counts()).toEqual({ ...target, evses: 4000 });
  });
});

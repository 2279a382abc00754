import { sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/lib/db/client';
import { DEMO_TENANTS } from './demo-accounts';
import { CITIES, STREETS } from './places';

/**
 * The SPEC §6 benchmark data set, scaled by the station count (200k: 500 tenants, 50k locations,
 * 200k stations with 2 EVSEs and 2 connectors each, 1M audit events), written set-based (INSERT …
 * SELECT generate_series) so it takes minutes, not hours. Distribution: two thirds of the generated
 * locations (and so of the stations) belong to the three demo tenants (≈44k stations each at 200k,
 * the big tenants the bench lists), the rest is spread evenly over the generated tenants (≈134
 * stations each: the many small ones). Every generated row carries a GEN- key numbered from 1, so a
 * rerun counts what is there and adds only the missing tail; columns with defaults (timestamps,
 * version, change markers) are left to their defaults.
 */
export const SCALE_PER_STATION = { tenants: 500 / 200_000, locations: 50_000 / 200_000, auditEvents: 1_000_000 / 200_000 };

const STATIONS_PER_LOCATION = 1 / SCALE_PER_STATION.locations;
const CHUNK = 25_000;

export type ScaleTargets = { tenants: number; locations: number; stations: number; auditEvents: number };

export function scaleTargets(stations: number): ScaleTargets {
  return {
    tenants: Math.max(1, Math.round(stations * SCALE_PER_STATION.tenants) - DEMO_TENANTS.length),
    locations: Math.ceil(stations / STATIONS_PER_LOCATION),
    stations,
    auditEvents: Math.round(stations * SCALE_PER_STATION.auditEvents),
  };
}

const places = JSON.stringify(CITIES.map((c, i) => ({ i, ...c })));
const streets = JSON.stringify(STREETS.map((s, i) => ({ i, s })));

async function count(tx: Tx, query: ReturnType<typeof sql>) {
  const [row] = await tx.execute<{ n: number }>(query);
  return Number(row?.n ?? 0);
}

/** Grows the data set to the targets for `stations`; returns how many rows of each kind it added. */
export async function seedScaleData(stations: number): Promise<ScaleTargets> {
  const target = scaleTargets(stations);
  const db = getDb();
  const added = await db.transaction(async (tx) => {
    // One transaction of bulk statements: the app's per-request statement timeout does not apply.
    await tx.execute(sql`set local statement_timeout = 0`);
    const demoTenants = DEMO_TENANTS.map((t) => t.slug);
    const [{ present } = { present: 0 }] = await tx.execute<{ present: number }>(
      sql`select count(*)::int as present from tenants where slug in ${demoTenants}`,
    );
    if (present !== demoTenants.length) throw new Error('Seed the demo data first.');

    const tenantsBefore = await count(tx, sql`select count(*)::int as n from tenants where slug like 'gen-tenant-%'`);
    await tx.execute(sql`
      insert into tenants (slug, name, kind)
      select 'gen-tenant-' || lpad(g::text, 4, '0'),
             (array['Gemeente', 'Laadnet', 'VvE', 'Fleet'])[1 + g % 4] || ' ' || (select p->>'city' from jsonb_array_elements(${places}::jsonb) p where (p->>'i')::int = g % ${CITIES.length}) || ' ' || g,
             (array['MUNICIPALITY', 'B2B', 'CONDOMINIUM', 'OTHER'])[1 + g % 4]
      from generate_series(${tenantsBefore + 1}::int, ${target.tenants}::int) g`);

    // Owners in order: the demo tenants first, then the generated ones.
    await tx.execute(sql`
      create temp table seed_owner on commit drop as
      select row_number() over (order by t.slug like 'gen-tenant-%', t.slug) - 1 as n, t.id
      from tenants t where t.deleted_at is null and (t.slug in ${demoTenants} or t.slug like 'gen-tenant-%')`);
    const generatedOwners = target.tenants;

    const locationsBefore = await count(tx, sql`select count(*)::int as n from locations where external_id like 'GEN-LOC-%'`);
    await tx.execute(sql`
      insert into locations (tenant_id, external_id, name, address, city, postal_code, country, latitude, longitude, time_zone, parking_type, opening_times)
      select o.id, 'GEN-LOC-' || lpad(g::text, 6, '0'), (p->>'city') || ' ' || st.s || ' ' || g, st.s || ' ' || (1 + g % 200),
             p->>'city', (p->>'postalCode') || ' ' || chr(65 + g % 26) || chr(65 + (g * 7) % 26), p->>'country',
             round(((p->>'lat')::float8 + (hashint4(g) % 1000) / 10000.0)::numeric, 6),
             round(((p->>'lon')::float8 + (hashint4(g + 1) % 1000) / 6667.0)::numeric, 6),
             case p->>'country' when 'BEL' then 'Europe/Brussels' else 'Europe/Amsterdam' end,
             (array['PARKING_LOT', 'UNDERGROUND_GARAGE', 'ON_STREET', 'PARKING_GARAGE'])[1 + g % 4],
             '{"twentyfourseven": true}'::jsonb
      from generate_series(${locationsBefore + 1}::int, ${target.locations}::int) g
      join jsonb_array_elements(${places}::jsonb) p on (p->>'i')::int = g % ${CITIES.length}
      join jsonb_to_recordset(${streets}::jsonb) st(i int, s text) on st.i = g % ${STREETS.length}
      join seed_owner o on o.n = case when g % 9 < 6 then g % ${DEMO_TENANTS.length}
                                      else ${DEMO_TENANTS.length} + ((g / 9) * 3 + g % 9 - 6) % ${generatedOwners} end`);

    await tx.execute(sql`
      create temp table seed_location on commit drop as
      select substr(external_id, 9)::int as n, id, tenant_id, city from locations where external_id like 'GEN-LOC-%'`);
    await tx.execute(sql`create index on seed_location (n)`);

    const stationsBefore = await count(tx, sql`select count(*)::int as n from charge_stations where ocpp_id like 'GEN-%'`);
    for (let from = stationsBefore + 1; from <= target.stations; from += CHUNK) {
      const to = Math.min(target.stations, from + CHUNK - 1);
      // Status mix as the demo stations: half available, a quarter charging, the rest faulted; every
      // 7th a DC fast charger, every 13th a combined AC/DC one; a few public-but-restricted or private.
      await tx.execute(sql`
        with station as (
          insert into charge_stations (tenant_id, location_id, ocpp_id, name, vendor, model, serial_number, firmware_version,
                                       charger_type, access, max_power_kw, configuration, availability, status,
                                       last_heartbeat_at, commissioning_status)
          select l.tenant_id, l.id, 'GEN-' || lpad(g::text, 7, '0'),
                 case when g % 7 = 0 then 'Snellader ' else 'Laadpaal ' end || l.city || ' ' || g,
                 case when g % 7 = 0 then 'Kempower' else 'Alfen' end,
                 case when g % 7 = 0 then 'S-Series' else 'Eve Double Pro' end,
                 case when g % 7 = 0 then 'KMP' else 'ACE' end || lpad((100000 + g)::text, 7, '0'),
                 case when g % 7 = 0 then '1.9.2' else '6.4.0' end,
                 case when g % 7 = 0 then 'DC' when g % 13 = 0 then 'AC_DC' else 'AC' end,
                 case when g % 11 = 0 then 'PRIVATE' when g % 5 = 0 then 'SEMI_PUBLIC' else 'PUBLIC' end,
                 case when g % 7 = 0 then 150 when g % 13 = 0 then 50 else 22 end,
                 '{"HeartbeatInterval": "300"}'::jsonb,
                 case when g % 50 = 0 then 'INOPERATIVE' else 'OPERATIVE' end,
                 (array['AVAILABLE', 'AVAILABLE', 'AVAILABLE', 'AVAILABLE', 'CHARGING', 'CHARGING', 'OUTOFORDER', 'INOPERATIVE'])[1 + abs(hashint4(g)) % 8],
                 now() - make_interval(mins => abs(hashint4(g + 7)) % 40),
                 'COMMISSIONED'
          from generate_series(${from}::int, ${to}::int) g
          join seed_location l on l.n = (g - 1) / ${STATIONS_PER_LOCATION} + 1
          returning id, ocpp_id, status, charger_type
        ), evse as (
          insert into evses (station_id, position, evse_id, status, capabilities)
          select s.id, p, 'NL*GFX*E' || replace(s.ocpp_id, '-', '') || '*' || p, s.status, '{RFID_READER,REMOTE_START_STOP_CAPABLE}'
          from station s cross join generate_series(1, 2) p
          returning uid, station_id
        ), connector as (
          insert into connectors (evse_uid, id, position, standard, format, power_type, max_voltage, max_amperage, max_electric_power)
          select e.uid, '1', 1,
                 case when s.charger_type = 'AC' then 'IEC_62196_T2' else 'IEC_62196_T2_COMBO' end,
                 case when s.charger_type = 'AC' then 'SOCKET' else 'CABLE' end,
                 case when s.charger_type = 'AC' then 'AC_3_PHASE' else 'DC' end,
                 case when s.charger_type = 'AC' then 400 else 920 end,
                 case when s.charger_type = 'AC' then 32 else 200 end,
                 case when s.charger_type = 'AC' then 22000 else 150000 end
          from evse e join station s on s.id = e.station_id
        )
        insert into connector_tariffs (evse_uid, connector_id, tariff_id, position)
        select e.uid, '1', case when s.charger_type = 'AC' then 'AC-STANDARD' else 'DC-FAST' end, 1
        from evse e join station s on s.id = e.station_id`);
    }

    // Audit trail: station and location edits by the demo users over the past year, oldest first.
    const auditBefore = await count(tx, sql`select count(*)::int as n from audit_events where request_id like 'seed-%'`);
    const stationCount = await count(tx, sql`select count(*)::int as n from charge_stations where ocpp_id like 'GEN-%'`);
    if (auditBefore < target.auditEvents && stationCount > 0) {
      await tx.execute(sql`
        create temp table seed_station on commit drop as
        select row_number() over (order by ocpp_id) as n, id, tenant_id from charge_stations where ocpp_id like 'GEN-%'`);
      await tx.execute(sql`
        create temp table seed_actor on commit drop as
        select row_number() over (order by email) - 1 as n, 'user:' || id as actor from users`);
      await tx.execute(sql`
        insert into audit_events (at, actor, tenant_id, action, entity, entity_id, changes, request_id)
        select now() - make_interval(secs => (${target.auditEvents}::int - g) * 31536000.0 / ${target.auditEvents}::int),
               coalesce(a.actor, 'system'), s.tenant_id,
               case when g % 10 = 0 then 'location.updated' when g % 4 = 0 then 'charge_station.availability_changed' else 'charge_station.updated' end,
               case when g % 10 = 0 then 'location' else 'charge_station' end,
               case when g % 10 = 0 then coalesce(l.id, s.id)::text else s.id::text end,
               case when g % 4 = 0 then jsonb_build_object('availability', jsonb_build_array('OPERATIVE', 'INOPERATIVE'))
                    else jsonb_build_object('name', jsonb_build_array('Laadpaal ' || g, 'Laadpaal ' || (g + 1))) end,
               'seed-' || g
        from generate_series(${auditBefore + 1}::int, ${target.auditEvents}::int) g
        join seed_station s on s.n = 1 + abs(hashint4(g)::bigint) % ${stationCount}
        left join seed_location l on l.n = 1 + g % ${target.locations}
        left join seed_actor a on a.n = g % (select greatest(count(*), 1) from seed_actor)`);
    }
    return {
      tenants: target.tenants - Math.min(tenantsBefore, target.tenants),
      locations: Math.max(0, target.locations - locationsBefore),
      stations: Math.max(0, target.stations - stationsBefore),
      auditEvents: Math.max(0, target.auditEvents - auditBefore),
    };
  });
  // Fresh statistics, or the planner guesses a few hundred rows and sorts 200k instead of
  // walking the sort index until autovacuum gets round to it.
  if (Object.values(added).some((n) => n > 0)) await db.execute(sql`analyze`);
  return added;
}

import { eq, sql } from 'drizzle-orm';
import { apiKeyPrefix, hashApiKeySecret } from '@/lib/auth/api-key-secret';
import { hashPassword } from '@/lib/auth/password';
import { getDb, type Tx } from '@/lib/db/client';
import {
  apiKeys,
  chargeStations,
  connectorTariffs,
  connectors,
  customGroups,
  evses,
  hardwareTemplates,
  locationCustomGroups,
  locations,
  memberships,
  stationCustomGroups,
  tariffTenants,
  tariffs,
  tenants,
  users,
} from '@/lib/db/schema';
import type { EvseStatus } from '@/lib/domain/vocabulary';
import { CITIES, SITE_KINDS, STREETS } from './places';
import { DEMO_API_KEYS, DEMO_PASSWORD, DEMO_TENANTS, DEMO_USERS } from './demo-accounts';
import { DEMO_EVSES_PER_STATION, DEMO_STATION_PASSWORD, DEMO_STATIONS, demoHardware } from './demo-stations';

/** Deterministic pseudo-random numbers, so every seeded database looks the same. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TARIFFS = [
  { id: 'AC-STANDARD', name: 'AC standard', energy: 0.35, offeredTo: [] as string[] },
  { id: 'AC-RESIDENT', name: 'AC residents', energy: 0.29, offeredTo: ['vve-parkzicht'] },
  { id: 'FLEET-AC', name: 'Fleet AC', energy: 0.27, offeredTo: ['van-dijk-logistics'] },
  { id: 'DC-FAST', name: 'DC fast', energy: 0.59, offeredTo: [] },
];

type StationPlan = { tenantId: string | null; locationId: string | null; ocppId: string; kind: 'AC' | 'DC'; n: number };

const BATCH = 1000;

/** How often each reported status shows up among linked demo stations. */
const REPORTED_MIX: EvseStatus[] = [
  'AVAILABLE',
  'AVAILABLE',
  'AVAILABLE',
  'AVAILABLE',
  'CHARGING',
  'CHARGING',
  'OUTOFORDER',
  'INOPERATIVE',
];

const EVSE_POSITIONS = Array.from({ length: DEMO_EVSES_PER_STATION }, (_, i) => i + 1);

/**
 * Inserts stations with their EVSEs, connectors and tariff codes in multi-row batches. The demo
 * stations a simulator connects as take their hardware from that roster and, where they have one,
 * the password behind `stationPasswordHash` (hashed once: argon2id per station would take seconds).
 */
async function insertStations(tx: Tx, plans: StationPlan[], random: () => number, stationPasswordHash: string | null = null) {
  const simulated = new Map(DEMO_STATIONS.map((s) => [s.ocppId, s]));
  for (let start = 0; start < plans.length; start += BATCH) {
    const batch = plans.slice(start, start + BATCH);
    const stationRows = batch.map((p) => {
      const dc = p.kind === 'DC';
      const reported = p.locationId ? REPORTED_MIX[Math.floor(random() * REPORTED_MIX.length)]! : 'UNKNOWN';
      const demo = simulated.get(p.ocppId);
      const hardware = demo ?? demoHardware(p.kind, p.n);
      return {
        id: crypto.randomUUID(),
        tenantId: p.tenantId,
        locationId: p.locationId,
        ocppId: p.ocppId,
        name: p.locationId ? `${dc ? 'Snellader' : 'Laadpaal'} ${p.n}` : null,
        vendor: hardware.vendor,
        model: hardware.model,
        serialNumber: hardware.serialNumber,
        firmwareVersion: hardware.firmwareVersion,
        ocppPasswordHash: demo?.password ? stationPasswordHash : null,
        chargerType: p.kind,
        access: 'PUBLIC' as const,
        maxPowerKw: dc ? 150 : 22,
        configuration: { HeartbeatInterval: '300' },
        status: reported,
        lastHeartbeatAt: reported !== 'UNKNOWN' ? new Date(Date.now() - Math.floor(random() * 40) * 60_000) : null,
        commissioningStatus: p.locationId ? ('COMMISSIONED' as const) : ('NEW' as const),
      };
    });
    await tx.insert(chargeStations).values(stationRows);
    const evseRows = stationRows.flatMap((s, i) =>
      EVSE_POSITIONS.map((position) => ({
        uid: crypto.randomUUID(),
        stationId: s.id,
        position,
        evseId: `NL*GFX*E${batch[i]!.ocppId.replace(/[^A-Z0-9]/g, '')}*${position}`,
        status: s.status,
        capabilities: ['RFID_READER', 'REMOTE_START_STOP_CAPABLE'],
        kind: batch[i]!.kind,
      })),
    );
    await tx.insert(evses).values(evseRows.map(({ kind: _kind, ...row }) => row));
    await tx.insert(connectors).values(
      evseRows.map((e) => ({
        evseUid: e.uid,
        id: '1',
        position: 1,
        standard: e.kind === 'DC' ? 'IEC_62196_T2_COMBO' : 'IEC_62196_T2',
        format: e.kind === 'DC' ? ('CABLE' as const) : ('SOCKET' as const),
        powerType: e.kind === 'DC' ? ('DC' as const) : ('AC_3_PHASE' as const),
        maxVoltage: e.kind === 'DC' ? 920 : 400,
        maxAmperage: e.kind === 'DC' ? 200 : 32,
        maxElectricPower: e.kind === 'DC' ? 150000 : 22000,
      })),
    );
    await tx
      .insert(connectorTariffs)
      .values(
        evseRows.map((e) => ({ evseUid: e.uid, connectorId: '1', tariffId: e.kind === 'DC' ? 'DC-FAST' : 'AC-STANDARD', position: 1 })),
      );
  }
}

/** The demo data set (3 tenants, ~40 locations, ~300 stations: enough for every page to have something to show). Does nothing if present. */
export async function seedDemoData(): Promise<{ created: boolean }> {
  const db = getDb();
  const [present] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, DEMO_TENANTS[0].slug));
  if (present) return { created: false };
  const random = rng(42);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const stationPasswordHash = await hashPassword(DEMO_STATION_PASSWORD);

  await db.transaction(async (tx) => {
    const tenantRows = await tx
      .insert(tenants)
      .values(DEMO_TENANTS.map((t) => ({ ...t })))
      .returning();
    const tenantId = (slug: string) => tenantRows.find((t) => t.slug === slug)!.id;

    for (const t of TARIFFS) {
      await tx
        .insert(tariffs)
        .values({
          id: t.id,
          name: t.name,
          currency: 'EUR',
          elements: [{ price_components: [{ type: 'ENERGY', price: t.energy, step_size: 1 }] }],
        })
        .onConflictDoNothing();
      if (t.offeredTo.length) {
        await tx
          .insert(tariffTenants)
          .values(t.offeredTo.map((slug) => ({ tariffId: t.id, tenantId: tenantId(slug) })))
          .onConflictDoNothing();
      }
    }

    await tx.insert(hardwareTemplates).values([
      {
        name: 'Alfen Eve Double Pro',
        vendor: 'Alfen',
        model: 'Eve Double Pro',
        chargerType: 'AC',
        maxPowerKw: 22,
        evses: [1, 2].map(() => ({
          capabilities: ['RFID_READER'],
          connectors: [
            {
              id: '1',
              standard: 'IEC_62196_T2',
              format: 'SOCKET',
              power_type: 'AC_3_PHASE',
              max_voltage: 400,
              max_amperage: 32,
              max_electric_power: 22000,
            },
          ],
        })),
      },
    ]);

    for (const u of DEMO_USERS) {
      const [user] = await tx
        .insert(users)
        .values({ email: u.email, name: u.name, passwordHash, cpoRole: u.cpoRole ?? null })
        .returning({ id: users.id });
      if (u.memberships.length) {
        await tx.insert(memberships).values(u.memberships.map((m) => ({ userId: user!.id, tenantId: tenantId(m.tenant), roleId: m.role })));
      }
    }
    await tx.insert(apiKeys).values(
      DEMO_API_KEYS.map((k) => ({
        name: k.name,
        prefix: apiKeyPrefix(k.secret),
        secretHash: hashApiKeySecret(k.secret),
        roleId: k.role,
        tenantId: tenantId(k.tenant),
        createdBy: 'system',
      })),
    );

    // 40 locations over 20 cities; the municipality gets 16, the fleet 14, the condominium 10.
    const owners = [...Array(16).fill('gemeente-utrecht'), ...Array(14).fill('van-dijk-logistics'), ...Array(10).fill('vve-parkzicht')];
    const plans: StationPlan[] = [];
    let n = 0;
    for (const [i, slug] of owners.entries()) {
      const place = CITIES[i % CITIES.length]!;
      const site = SITE_KINDS[i % SITE_KINDS.length]!;
      const street = STREETS[i % STREETS.length]!;
      const owner = tenantId(slug);
      const [location] = await tx
        .insert(locations)
        .values({
          tenantId: owner,
          externalId: `SF-LOC-${String(i + 1).padStart(3, '0')}`,
          name: `${site.label} ${place.city} ${street}`,
          address: `${street} ${1 + Math.floor(random() * 120)}`,
          city: place.city,
          postalCode: `${place.postalCode} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 7) % 26))}`,
          country: place.country,
          latitude: Number((place.lat + (random() - 0.5) * 0.04).toFixed(6)),
          longitude: Number((place.lon + (random() - 0.5) * 0.06).toFixed(6)),
          timeZone: place.country === 'BEL' ? 'Europe/Brussels' : 'Europe/Amsterdam',
          parkingType: site.parkingType,
          openingTimes: { twentyfourseven: true },
          remarks: i % 5 === 0 ? 'Toegang via slagboom; code bij de receptie.' : null,
          maintenance: i % 3 === 0 ? { contractor: 'ChargeCare BV', next_service_date: '2027-03-01' } : null,
        })
        .returning({ id: locations.id });
      const group = slug === 'vve-parkzicht' ? 'Fase 1' : i % 2 ? 'Noord' : 'Zuid';
      const [groupRow] = await tx
        .insert(customGroups)
        .values({ tenantId: owner, name: group })
        .onConflictDoUpdate({ target: [customGroups.tenantId, customGroups.name], set: { name: group } })
        .returning({ id: customGroups.id });
      await tx.insert(locationCustomGroups).values({ locationId: location!.id, groupId: groupRow!.id });
      const count = 6 + (i % 4);
      for (let k = 0; k < count; k++) {
        n += 1;
        plans.push({
          tenantId: owner,
          locationId: location!.id,
          ocppId: `${slug.slice(0, 3).toUpperCase()}-${String(n).padStart(4, '0')}`,
          kind: k === 0 && i % 4 === 2 ? 'DC' : 'AC',
          n,
        });
      }
    }
    // Unlinked stations: a few per tenant awaiting an installer, and some in the unassigned pool.
    for (const slug of ['gemeente-utrecht', 'van-dijk-logistics']) {
      for (let k = 0; k < 3; k++)
        plans.push({
          tenantId: tenantId(slug),
          locationId: null,
          ocppId: `NEW-${slug.slice(0, 3).toUpperCase()}-${k + 1}`,
          kind: 'AC',
          n: ++n,
        });
    }
    for (let k = 0; k < 8; k++)
      plans.push({ tenantId: null, locationId: null, ocppId: `POOL-${String(k + 1).padStart(3, '0')}`, kind: 'AC', n: ++n });
    await insertStations(tx, plans, random, stationPasswordHash);

    const stationGroup = await tx
      .insert(customGroups)
      .values({ tenantId: tenantId('gemeente-utrecht'), name: 'Binnenstad' })
      .onConflictDoNothing()
      .returning({ id: customGroups.id });
    const inCentre = await tx
      .select({ id: chargeStations.id })
      .from(chargeStations)
      .where(sql`${chargeStations.tenantId} = ${tenantId('gemeente-utrecht')} and ${chargeStations.locationId} is not null`)
      .limit(20);
    if (stationGroup[0]) {
      await tx.insert(stationCustomGroups).values(inCentre.map((s) => ({ stationId: s.id, groupId: stationGroup[0]!.id })));
    }
  });
  return { created: true };
}

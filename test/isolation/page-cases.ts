import { and, count, eq, isNull } from 'drizzle-orm';
import { expect } from 'vitest';
import { systemContext, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { chargeStations, locations } from '@/lib/db/schema';
import { linkChoices, recentlyConnectedUnlinked, searchStations, withLatestRuns } from '@/lib/portal/installer';
import { loadLocationList } from '@/lib/portal/location-list';
import { nearbyLocations } from '@/lib/portal/location-near';
import { locationTenantOptions } from '@/lib/portal/location-tenants';
import { loadDetailPage } from '@/lib/portal/or-not-found';
import {
  loadStationConfiguration,
  loadStationHistory,
  loadStationLocationName,
  loadTariffChoices,
  stationPermissions,
} from '@/lib/portal/station-detail';
import { bulkTariffChoices, selectedLocationChoice } from '@/lib/portal/station-list';
import { tenantChoices, tenantNames, visibleTenants } from '@/lib/portal/tenant-choices';
import { getApiKey } from '@/lib/services/api-keys';
import { getChargeStation } from '@/lib/services/charge-stations';
import { getDashboardSummary } from '@/lib/services/dashboard';
import { getLocation } from '@/lib/services/locations';
import { getTariff } from '@/lib/services/tariffs';
import { getTenant } from '@/lib/services/tenants';
import { getUser } from '@/lib/services/users';
import { navigationOutcome, signedIn } from '@/test/portal/next-request';
import type { MatrixCase } from './api-cases';
import { leaksIn, TENANT_ROLES, type Role, type World } from './world';

/** What a loader gave the page, or the error it threw, as text to search. */
async function pageData(load: () => Promise<unknown>): Promise<string> {
  try {
    return JSON.stringify(await load()) ?? 'undefined';
  } catch (error) {
    const outcome = navigationOutcome(error);
    if (outcome) return JSON.stringify(outcome);
    return JSON.stringify({ error: String(error), code: (error as { code?: string }).code });
  }
}

const theirStation = (w: World) => getChargeStation({ ctx: systemContext(), id: w.their.station });

// List pages echo the caller's own filters (query, links); what is searched is the data they got.
type Loader = { name: string; load: (ctx: AuthContext, w: World) => Promise<unknown>; expect?: (text: string, w: World) => void };

const notFound = (text: string) => expect(text).toContain('"code":"not_found"');

const LOADERS: Loader[] = [
  { name: 'dashboard', load: (ctx) => getDashboardSummary({ ctx }) },
  { name: 'locations list', load: (ctx) => loadLocationList(ctx, {}).then((r) => r.page) },
  { name: 'locations list searching their marker', load: (ctx, w) => loadLocationList(ctx, { q: w.markers.theirs }).then((r) => r.page) },
  { name: 'locations list filtered to their tenant', load: (ctx, w) => loadLocationList(ctx, { tenant: w.other }).then((r) => r.page) },
  { name: 'locations list by their group', load: (ctx, w) => loadLocationList(ctx, { custom_group: w.their.group }).then((r) => r.page) },
  { name: 'locations near their site', load: (ctx) => nearbyLocations(ctx, '52.09,5.12') },
  { name: 'location form tenants', load: (ctx) => locationTenantOptions(ctx) },
  { name: 'stations list filter naming their location', load: (ctx, w) => selectedLocationChoice(ctx, w.their.location) },
  { name: 'bulk tariff choices', load: (ctx) => bulkTariffChoices(ctx) },
  { name: 'tenant switcher', load: (ctx) => tenantChoices(ctx) },
  { name: 'tenant names', load: (ctx) => tenantNames(ctx) },
  { name: 'visible tenants', load: (ctx) => visibleTenants(ctx) },
  { name: 'installer: recently connected', load: (ctx) => recentlyConnectedUnlinked(ctx) },
  { name: 'installer: search their marker', load: (ctx, w) => searchStations(ctx, w.markers.theirs) },
  { name: 'installer: search their OCPP id', load: (ctx, w) => searchStations(ctx, `THEIRS-${w.markers.theirs.slice(-8)}`) },
  { name: 'installer: search the pool marker', load: (ctx, w) => searchStations(ctx, w.markers.pool) },
  { name: 'installer: link choices near their site', load: (ctx) => linkChoices(ctx, { near: '52.09,5.12', place: '' }) },
  { name: 'installer: link choices by their marker', load: (ctx, w) => linkChoices(ctx, { near: null, place: w.markers.theirs }) },
  {
    name: 'installer: latest run of their station',
    load: async (ctx, w) => withLatestRuns(ctx, [await theirStation(w)]),
    expect: notFound,
  },
  {
    name: 'station page extras given their station',
    load: async (ctx, w) => {
      const station = await theirStation(w);
      const may = stationPermissions(ctx, station);
      const [offered, audit, locationName] = await Promise.all([
        loadTariffChoices(ctx, station, may),
        loadStationHistory(ctx, station, may),
        loadStationLocationName(ctx, station),
      ]);
      return { offered, audit, locationName };
    },
    expect: (text) => expect(JSON.parse(text)).toEqual({ offered: [], audit: [], locationName: null }),
  },
  {
    name: 'station configuration tab given their station',
    load: async (ctx, w) => loadStationConfiguration(ctx, await theirStation(w)),
    expect: notFound,
  },
];

/** Detail pages resolve their object through the signed-in session: another tenant's id is the 404 page. */
const DETAIL_PAGES: { page: string; get: Parameters<typeof loadDetailPage>[1]; id: (w: World) => string }[] = [
  { page: '/locations/{id}', get: getLocation, id: (w) => w.their.location },
  { page: '/charge-stations/{id}', get: getChargeStation, id: (w) => w.their.station },
  { page: '/charge-stations/{id} (pool)', get: getChargeStation, id: (w) => w.pool.station },
  { page: '/tariffs/{id}', get: getTariff, id: (w) => w.their.tariff },
  { page: '/tenants/{id}', get: getTenant, id: (w) => w.their.tenant },
  { page: '/users/{id}', get: getUser, id: (w) => w.their.user },
  { page: '/api-keys (their key)', get: getApiKey, id: (w) => w.their.apiKey },
];

async function ownCount(w: World, role: Role) {
  const db = getDb();
  const [stations] = await db
    .select({ n: count() })
    .from(chargeStations)
    .where(and(eq(chargeStations.tenantId, w.own), isNull(chargeStations.deletedAt)));
  const [sites] = await db
    .select({ n: count() })
    .from(locations)
    .where(and(eq(locations.tenantId, w.own), isNull(locations.deletedAt)));
  return { role, stations: stations!.n, locations: sites!.n };
}

export function pageCases(): MatrixCase[] {
  const loaders = LOADERS.flatMap((loader) =>
    TENANT_ROLES.map((role): MatrixCase => ({
      name: `page: ${loader.name} as ${role} → nothing of the other tenant`,
      run: async (world) => {
        const text = await pageData(() => loader.load(world.holders[role].ctx, world));
        expect(leaksIn(text, world, role), `${loader.name} leaked: ${text.slice(0, 300)}`).toEqual([]);
        loader.expect?.(text, world);
      },
    })),
  );
  const details = DETAIL_PAGES.flatMap((detail) =>
    TENANT_ROLES.filter((role) => !(detail.page.includes('pool') && role === 'installer')).map((role): MatrixCase => ({
      name: `page: ${detail.page} with the other tenant’s id as ${role} → the 404 page`,
      run: async (world) => {
        const { result } = await signedIn(world.holders[role].userId, () =>
          pageData(() => loadDetailPage(Promise.resolve({ id: detail.id(world) }), detail.get)),
        );
        expect(result).toBe(JSON.stringify({ notFound: true }));
      },
    })),
  );
  const counts = TENANT_ROLES.filter((role) => role !== 'installer').map((role): MatrixCase => ({
    name: `page: dashboard counts as ${role} are the own tenant’s only`,
    run: async (world) => {
      const summary = await getDashboardSummary({ ctx: world.holders[role].ctx });
      expect({ role, stations: summary.stations, locations: summary.locations }).toEqual(await ownCount(world, role));
    },
  }));
  return [...loaders, ...details, ...counts];
}

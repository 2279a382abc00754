import { z } from 'zod';
import { formInput, optionalText } from '@/lib/actions/form-input';
import type { AuthContext } from '@/lib/auth/context';
import { chargeStationListQuerySchema, testRunStartSchema, type ChargeStation, type TestRun } from '@/lib/schemas/charge-station';
import { locationListQuerySchema } from '@/lib/schemas/location';
import { getLatestTestRun, listChargeStations } from '@/lib/services/charge-stations';
import { listLocations } from '@/lib/services/locations';
import { formatDistance } from '@/lib/view/map';
import { RECENTLY_HEARD_MS } from '@/lib/view/stations';
import { nearbyLocations, type NearbyLocation } from './location-near';

/** Unlinked stations heard in the last hour are few; the view shows the most recently connected of up to this many. */
const RECENT_SCAN = 100;
const RECENT_SHOWN = 20;

export type InstallerStation = { station: ChargeStation; run: TestRun | null };

/**
 * Unlinked stations (the pool included) heard in the last hour, most recently connected first:
 * OCPP 1.6 stations report no position, so the installer recognises theirs by when it came online.
 */
export async function recentlyConnectedUnlinked(ctx: AuthContext, now = Date.now()): Promise<ChargeStation[]> {
  const page = await listChargeStations({
    ctx,
    query: chargeStationListQuerySchema.parse({
      unlinked: 'true',
      heard_since: new Date(now - RECENTLY_HEARD_MS).toISOString(),
      limit: String(RECENT_SCAN),
      sort: '-updated_at',
    }),
  });
  const time = (at: string | null) => (at ? Date.parse(at) : 0);
  return page.data
    .sort((a, b) => time(b.connected_at) - time(a.connected_at) || time(b.last_heartbeat_at) - time(a.last_heartbeat_at))
    .slice(0, RECENT_SHOWN);
}

/** Stations matching the installer's search by OCPP id or serial number. */
export async function searchStations(ctx: AuthContext, q: string): Promise<ChargeStation[]> {
  if (!q) return [];
  return (await listChargeStations({ ctx, query: chargeStationListQuerySchema.parse({ q, limit: '10', sort: 'ocpp_id' }) })).data;
}

/** Each station with its latest commissioning run. */
export async function withLatestRuns(ctx: AuthContext, stations: ChargeStation[]): Promise<InstallerStation[]> {
  const runs = await Promise.all(stations.map((s) => getLatestTestRun({ ctx, id: s.id })));
  return stations.map((station, i) => ({ station, run: runs[i] ?? null }));
}

/**
 * The locations a station can be linked to: those near the installer, nearest first, when the
 * browser gave a position and some are in range; else the location search's (or the first by name).
 */
export async function linkChoices(
  ctx: AuthContext,
  { near, place }: { near: string | null; place: string },
): Promise<{ nearby: NearbyLocation[] | null; choices: { id: string; label: string }[] }> {
  const nearby = near ? await nearbyLocations(ctx, near) : null;
  if (nearby?.length) {
    return {
      nearby,
      choices: nearby.map((l) => ({ id: l.id, label: `${l.name} — ${l.address}, ${l.city} (${formatDistance(l.distance)})` })),
    };
  }
  const page = await listLocations({
    ctx,
    query: locationListQuerySchema.parse({ limit: '25', sort: 'name', ...(place ? { q: place } : {}) }),
  });
  return { nearby, choices: page.data.map((l) => ({ id: l.id, label: `${l.name} — ${l.address}, ${l.city}` })) };
}

/** The id tag a commissioning charge is started with: the product holds no tokens, so any tag is authorized. */
const COMMISSIONING_ID_TAG = 'COMMISSIONING';

/** The commissioning test form (installer view and station page): the station, and `charge_connector` as `<evse uid>/<connector id>`. */
export const commissioningTestSchema = z.object({ id: z.string().min(1) }).and(
  formInput(testRunStartSchema, (f) => {
    const connector = optionalText(f.charge_connector);
    if (!connector) return {};
    const slash = connector.indexOf('/');
    return {
      remote_start: { evse_uid: connector.slice(0, slash), connector_id: connector.slice(slash + 1), id_tag: COMMISSIONING_ID_TAG },
    };
  }),
);

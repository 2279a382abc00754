import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { LinkForm, TestForm } from '@/components/installer/installer-forms';
import { NearMeButton } from '@/components/installer/near-me-button';
import { LabeledControl } from '@/components/forms/labeled-control';
import { can, unfocused } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { toSearchParams } from '@/lib/http/search-params';
import { NEAR_RADIUS_M, nearbyLocations } from '@/lib/portal/location-near';
import { chargeStationListQuerySchema } from '@/lib/schemas/charge-station';
import { locationListQuerySchema } from '@/lib/schemas/location';
import { getLatestTestRun, listChargeStations } from '@/lib/services/charge-stations';
import { listLocations } from '@/lib/services/locations';
import { linkStationToLocation, runCommissioningTest } from './actions';
import { Panel } from '@/components/layout/panel';

export const metadata: Metadata = { title: 'Installer' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const input = 'w-full rounded border border-slate-300 px-3 py-2';

/** Built for a phone: find a just-placed station, link it to a location, test it. */
export default async function InstallerPage({ searchParams }: Props) {
  // The installer works across the pool and all their tenants, whatever the tenant switcher shows.
  const ctx = unfocused(await requirePageContext());
  if (!can(ctx, 'station:link')) notFound();
  const params = toSearchParams(await searchParams);
  const stationQuery = params.get('station')?.trim().slice(0, 200) ?? '';
  const placeQuery = params.get('place')?.trim().slice(0, 200) ?? '';
  const nearQuery = params.get('near');
  const nearby = nearQuery ? await nearbyLocations(ctx, nearQuery) : null;

  const stations = stationQuery
    ? (await listChargeStations({ ctx, query: chargeStationListQuerySchema.parse({ q: stationQuery, limit: '10', sort: 'ocpp_id' }) })).data
    : [];
  // Linking offers the locations near the installer when they asked for them, else the search's.
  const locations = nearby?.length
    ? nearby.map((l) => ({ id: l.id, label: `${l.name} — ${l.address}, ${l.city} (${distance(l.distance)})` }))
    : (
        await listLocations({
          ctx,
          query: locationListQuerySchema.parse({ limit: '25', sort: 'name', ...(placeQuery ? { q: placeQuery } : {}) }),
        })
      ).data.map((l) => ({ id: l.id, label: `${l.name} — ${l.address}, ${l.city}` }));
  const runs = await Promise.all(stations.map((s) => getLatestTestRun({ ctx, id: s.id })));

  return (
    <div className="mx-auto max-w-md space-y-5">
      <h1 className="text-2xl font-semibold">Installer</h1>
      <form role="search" className="space-y-3">
        <LabeledControl id="station" label="OCPP id or serial number">
          <input id="station" name="station" defaultValue={stationQuery} className={input} autoComplete="off" />
        </LabeledControl>
        <LabeledControl id="place" label="Location search (name, address, city)">
          <input id="place" name="place" defaultValue={placeQuery} className={input} />
        </LabeledControl>
        <button type="submit" className="w-full rounded bg-brand-700 px-4 py-3 text-white">
          Find
        </button>
      </form>
      <NearMeButton />
      {nearQuery && <NearbyList nearby={nearby} />}

      {stationQuery && stations.length === 0 && <p className="text-slate-600">No station matches “{stationQuery}”.</p>}
      {stations.map((station, i) => (
        <article
          key={station.id}
          className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
          aria-label={`Station ${station.ocpp_id}`}
        >
          <header>
            <h2 className="text-lg font-medium">{station.ocpp_id}</h2>
            <p className="text-sm text-slate-600">
              {[station.vendor, station.model, station.serial_number].filter(Boolean).join(' · ') || 'No hardware reported yet'}
            </p>
            <p className="text-sm">
              {station.status}, {station.connected ? 'connected' : 'not connected'} ·{' '}
              {station.location_id ? 'linked to a location' : 'not linked yet'} · {station.commissioning_status}
            </p>
          </header>
          {!station.location_id && can(ctx, 'station:link', station.tenant_id) && (
            <LinkForm action={linkStationToLocation} stationId={station.id} locations={locations} />
          )}
          {can(ctx, 'station:test', station.tenant_id) && <TestForm action={runCommissioningTest} stationId={station.id} />}
          {runs[i] && (
            <section aria-label="Latest test run">
              <h3 className="text-sm font-medium">Latest test: {runs[i]!.status}</h3>
              <ol className="mt-1 space-y-1 text-sm">
                {runs[i]!.steps.map((step) => (
                  <li key={step.name}>
                    <span className="font-mono">{step.status}</span> {step.name.replace(/_/g, ' ')}
                    {step.detail ? ` — ${step.detail}` : ''}
                  </li>
                ))}
              </ol>
            </section>
          )}
        </article>
      ))}
    </div>
  );
}

const distance = (metres: number) => (metres < 1000 ? `${metres} m` : `${(metres / 1000).toFixed(1)} km`);

/** Locations within the near-me radius, nearest first; a found station's link form offers the same. */
function NearbyList({ nearby }: { nearby: Awaited<ReturnType<typeof nearbyLocations>> }) {
  if (nearby === null) return <p className="text-slate-600">That position is not valid; try “Locations near me” again.</p>;
  return (
    <Panel id="nearby" title="Locations near you" framed={false}>
      {nearby.length === 0 && <p className="text-slate-600">No locations within {distance(NEAR_RADIUS_M)}. Search by name above.</p>}
      {nearby.length > 0 && (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
          {nearby.map((l) => (
            <li key={l.id} className="flex items-baseline justify-between gap-3 px-3 py-3">
              <span className="min-w-0">
                <Link href={`/locations/${l.id}`} className="font-medium text-brand-700 underline">
                  {l.name}
                </Link>
                <span className="block break-words text-sm text-slate-600">
                  {l.address}, {l.city}
                </span>
              </span>
              <span className="shrink-0 text-sm text-slate-700">{distance(l.distance)}</span>
            </li>
          ))}
        </ul>
      )}
      {nearby.length > 0 && <p className="text-sm text-slate-600">Find a station above to link it to one of these.</p>}
    </Panel>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { NearMeButton } from '@/components/installer/near-me-button';
import { StationCard } from '@/components/installer/station-card';
import { LabeledControl } from '@/components/forms/labeled-control';
import { Panel } from '@/components/layout/panel';
import { LiveRefresh } from '@/components/live/live-refresh';
import { can, unfocused, type AuthContext } from '@/lib/auth/context';
import { requirePageContext } from '@/lib/auth/page-context';
import { toSearchParams } from '@/lib/http/search-params';
import { linkChoices, recentlyConnectedUnlinked, searchStations, withLatestRuns, type InstallerStation } from '@/lib/portal/installer';
import { NEAR_RADIUS_M, type NearbyLocation } from '@/lib/portal/location-near';
import { formatDistance } from '@/lib/view/map';
import { linkStationToLocation, runCommissioningTest } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('Installer'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const input = 'w-full rounded border border-slate-300 px-3 py-2';

/** Built for a phone: find a just-placed station, link it to a location, test it. */
export default async function InstallerPage({ searchParams }: Props) {
  // The installer works across the pool and all their tenants, whatever the tenant switcher shows.
  const ctx = unfocused(await requirePageContext());
  if (!can(ctx, 'station:link')) notFound();
  const [t, params] = await Promise.all([getTranslations('Installer'), searchParams.then(toSearchParams)]);
  const stationQuery = params.get('station')?.trim().slice(0, 200) ?? '';
  const placeQuery = params.get('place')?.trim().slice(0, 200) ?? '';
  const nearQuery = params.get('near');

  const [{ nearby, choices }, found, recent] = await Promise.all([
    linkChoices(ctx, { near: nearQuery, place: placeQuery }),
    searchStations(ctx, stationQuery).then((stations) => withLatestRuns(ctx, stations)),
    recentlyConnectedUnlinked(ctx),
  ]);
  // A station found by the search is not listed twice.
  const recentOnly = await withLatestRuns(
    ctx,
    recent.filter((s) => !found.some((f) => f.station.id === s.id)),
  );
  // While a test runs its steps are shown as they go: the page refreshes every second until it ends.
  const running = [...found, ...recentOnly].some((s) => s.run?.status === 'RUNNING');
  const card = (item: InstallerStation) => <InstallerCard key={item.station.id} ctx={ctx} item={item} locations={choices} />;

  return (
    <div className="mx-auto max-w-md space-y-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <LiveRefresh intervalMs={running ? 1000 : 5000} />
      </div>
      <form role="search" className="space-y-3">
        <LabeledControl id="station" label={t('stationSearch')}>
          <input id="station" name="station" defaultValue={stationQuery} className={input} autoComplete="off" />
        </LabeledControl>
        <LabeledControl id="place" label={t('placeSearch')}>
          <input id="place" name="place" defaultValue={placeQuery} className={input} />
        </LabeledControl>
        {nearQuery && <input type="hidden" name="near" value={nearQuery} />}
        <button type="submit" className="w-full rounded bg-brand-700 px-4 py-3 text-white">
          {t('find')}
        </button>
      </form>
      <NearMeButton />
      {nearQuery && <NearbyList nearby={nearby} />}

      {stationQuery && (
        <Panel id="found" title={t('found')} framed={false}>
          {found.length === 0 && <p className="text-slate-600">{t('noMatch', { query: stationQuery })}</p>}
          {found.map(card)}
        </Panel>
      )}

      <Panel id="recent" title={t('recent')} framed={false}>
        <p className="text-sm text-slate-600">{t('recentHint')}</p>
        {recentOnly.length === 0 && <p className="text-slate-600">{t('noRecent')}</p>}
        {recentOnly.map(card)}
      </Panel>
    </div>
  );
}

function InstallerCard({ ctx, item, locations }: { ctx: AuthContext; item: InstallerStation; locations: { id: string; label: string }[] }) {
  const tenant = item.station.tenant_id;
  return (
    <StationCard
      station={item.station}
      run={item.run}
      locations={locations}
      link={can(ctx, 'station:link', tenant) ? linkStationToLocation : undefined}
      test={can(ctx, 'station:test', tenant) ? runCommissioningTest : undefined}
    />
  );
}

/** Locations within the near-me radius, nearest first; a station's link form offers the same. */
function NearbyList({ nearby }: { nearby: NearbyLocation[] | null }) {
  const t = useTranslations('Installer');
  if (nearby === null) return <p className="text-slate-600">{t('nearInvalid')}</p>;
  return (
    <Panel id="nearby" title={t('nearby')} framed={false}>
      {nearby.length === 0 && <p className="text-slate-600">{t('noNearby', { distance: formatDistance(NEAR_RADIUS_M) })}</p>}
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
              <span className="shrink-0 text-sm text-slate-700">{formatDistance(l.distance)}</span>
            </li>
          ))}
        </ul>
      )}
      {nearby.length > 0 && <p className="text-sm text-slate-600">{t('linkBelow')}</p>}
    </Panel>
  );
}

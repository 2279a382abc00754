'use client';

import { useEffect, useState } from 'react';
import { useTranslations } from 'next-intl';
import { LocationsMap } from '@/components/map/lazy-maps';
import { BasemapNote } from '@/components/map/map-notes';
import { fromPointColumns, type MapPoint, type PointColumns } from '@/lib/view/map';

type Props = {
  /** The table page's locations: the list until the map has loaded every point and reported its view. */
  initial: MapPoint[];
  /** Every location of the filter as map points (app/(portal)/locations/points). */
  pointsHref: string;
  tileUrl: string | null;
  attribution?: string;
};

/** A list this long is still quick to scan; beyond it, zooming in is the better filter. */
const LISTED = 100;

/**
 * The locations map with, beside it, the locations in the map's view: all of the filter's
 * locations are clustered on the map, and the list follows every pan and zoom.
 */
export function LocationsMapPanel({ initial, pointsHref, tileUrl, attribution }: Props) {
  const t = useTranslations('Map');
  const [loaded, setLoaded] = useState<{ href: string; points: MapPoint[]; truncated: boolean } | null>(null);
  const [failed, setFailed] = useState(false);
  const [inView, setInView] = useState<MapPoint[] | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    fetch(pointsHref, { signal: abort.signal })
      .then((response) => {
        if (!response.ok) throw new Error(`points: HTTP ${response.status}`);
        return response.json() as Promise<PointColumns>;
      })
      .then((columns) => {
        setLoaded({ href: pointsHref, points: fromPointColumns(columns), truncated: columns.truncated });
        setFailed(false);
      })
      .catch(() => {
        if (!abort.signal.aborted) setFailed(true);
      });
    return () => abort.abort();
  }, [pointsHref]);

  const points = loaded?.href === pointsHref ? loaded.points : initial;
  const listed = inView ?? initial;
  return (
    <div className="grid gap-3 lg:grid-cols-[2fr_1fr]">
      <div className="min-w-0 space-y-1">
        <LocationsMap points={points} tileUrl={tileUrl} attribution={attribution} label={t('listMapLabel')} onView={setInView} />
        <BasemapNote tileUrl={tileUrl} />
        {loaded?.truncated && <p className="text-xs text-slate-600">{t('truncated', { count: loaded.points.length })}</p>}
        {failed && <p className="text-sm text-red-800">{t('pointsFailed')}</p>}
      </div>
      <section aria-labelledby="map-list-heading" className="min-w-0 rounded-lg border border-slate-200 bg-white">
        <h2 id="map-list-heading" aria-live="polite" className="border-b border-slate-200 px-3 py-2 text-sm font-medium">
          {t('inView', { count: listed.length })}
        </h2>
        <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto text-sm" data-testid="map-marker-list">
          {listed.slice(0, LISTED).map((point) => (
            <li key={point.id} className="px-3 py-2">
              <a href={`/locations/${point.id}`} className="font-medium break-words text-brand-700 hover:underline">
                {point.name}
              </a>
              <span className="block break-words text-slate-600">{point.city}</span>
            </li>
          ))}
          {listed.length === 0 && <li className="px-3 py-2 text-slate-600">{t('noneInView')}</li>}
        </ul>
        {listed.length > LISTED && (
          <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-600">
            {t('moreInView', { count: listed.length - LISTED, listed: LISTED })}
          </p>
        )}
      </section>
    </div>
  );
}

import { useTranslations } from 'next-intl';

/** Said under a map without tiles (MAP_TILE_URL not set): what the offline basemap is. */
export function BasemapNote({ tileUrl }: { tileUrl: string | null }) {
  const t = useTranslations('Map');
  if (tileUrl) return null;
  return <p className="text-xs text-slate-600">{t('offlineBasemap')}</p>;
}

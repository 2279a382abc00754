import type { MapMarker } from '@/lib/view/map';

/** Said under a map without a basemap (MAP_TILE_URL not set). */
export function BasemapNote({ tileUrl }: { tileUrl: string | null }) {
  if (tileUrl) return null;
  return (
    <p className="text-xs text-slate-600">The basemap is not configured (MAP_TILE_URL), so markers are shown on a plain background.</p>
  );
}

/**
 * The map's markers as a plain list: server-rendered, so it works without JavaScript, without
 * tiles and with a keyboard or screen reader.
 */
export function MarkerList({ markers, label }: { markers: MapMarker[]; label: string }) {
  return (
    <section aria-label={label} className="rounded-lg border border-slate-200 bg-white">
      <h2 className="border-b border-slate-200 px-3 py-2 text-sm font-medium">
        {label} ({markers.length})
      </h2>
      <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto text-sm" data-testid="map-marker-list">
        {markers.map((marker) => (
          <li key={marker.id} className="px-3 py-2">
            <a href={`/locations/${marker.id}`} className="font-medium text-brand-700 hover:underline">
              {marker.name}
            </a>
            <span className="block break-words text-slate-600">{marker.address}</span>
            <span className="block text-xs text-slate-500">
              {marker.latitude.toFixed(5)}, {marker.longitude.toFixed(5)}
            </span>
          </li>
        ))}
        {markers.length === 0 && <li className="px-3 py-2 text-slate-500">No locations to show.</li>}
      </ul>
    </section>
  );
}

import 'leaflet/dist/leaflet.css';
import L from 'leaflet';

/**
 * Markers are drawn with CSS (a divIcon), never Leaflet's default PNG icons: those are fetched
 * from a path the bundler does not know, and nothing may come from a CDN.
 */
export const pinIcon = L.divIcon({
  className: 'location-pin',
  html: '<span style="display:block;width:22px;height:22px;border-radius:50% 50% 50% 0;background:#0f766e;border:3px solid #fff;box-shadow:0 1px 4px rgba(0,0,0,.5);transform:rotate(-45deg)"></span>',
  iconSize: [22, 22],
  iconAnchor: [11, 22],
});

/** The Netherlands and Belgium, where a map starts without markers. */
export const DEFAULT_CENTER: [number, number] = [52.1, 5.2];
export const DEFAULT_ZOOM = 7;

export const MAP_CLASS = 'w-full rounded-lg border border-slate-300';

/** Without tiles the container's background is the offline basemap's sea (inline: Leaflet's own CSS would win over a class). */
export const SEA_STYLE = { background: '#c9dfec' };

import { getEnv } from '@/lib/env';
import type { Location } from '@/lib/schemas/location';

/** What a map marker needs; the page sends only this to the client. */
export type MapMarker = { id: string; name: string; address: string; latitude: number; longitude: number };

export function toMapMarker(location: Location): MapMarker {
  const { id, name, coordinates } = location;
  const address = [location.address, [location.postal_code, location.city].filter(Boolean).join(' ')].join(', ');
  return { id, name, address, latitude: coordinates.latitude, longitude: coordinates.longitude };
}

/** The basemap's tile URL template (MAP_TILE_URL, validated in lib/env.ts), or null: markers on a plain background. */
export function mapTileUrl(): string | null {
  return getEnv().MAP_TILE_URL ?? null;
}

/** Attribution the tile provider asks for (OpenStreetMap's licence requires it). */
export function tileAttribution(url: string | null): string | undefined {
  if (!url) return undefined;
  return url.includes('openstreetmap') ? '&copy; OpenStreetMap contributors' : undefined;
}

const EARTH_RADIUS_M = 6_371_000;

/** Great-circle distance in metres (the same formula as the API's near/radius filter). */
export function distanceMetres(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(h));
}

/** A distance as the installer reads it: "60 m", "1.5 km". */
export function formatDistance(metres: number): string {
  return metres < 1000 ? `${metres} m` : `${(metres / 1000).toFixed(1)} km`;
}

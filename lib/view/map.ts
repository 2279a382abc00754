import Supercluster from 'supercluster';
import type { Location } from '@/lib/schemas/location';

/** What a map marker needs; the pages and the points route send only this to the browser. */
export type MapPoint = { id: string; name: string; city: string; latitude: number; longitude: number };

export function toMapPoint({ id, name, city, coordinates }: Pick<Location, 'id' | 'name' | 'city' | 'coordinates'>): MapPoint {
  return { id, name, city, latitude: coordinates.latitude, longitude: coordinates.longitude };
}

/**
 * Points as the points route sends them: one array per field, so 50 000 locations do not repeat
 * every key 50 000 times.
 */
export type PointColumns = {
  ids: string[];
  names: string[];
  cities: string[];
  latitudes: number[];
  longitudes: number[];
  truncated: boolean;
};

export function toPointColumns(points: MapPoint[], truncated: boolean): PointColumns {
  return {
    ids: points.map((p) => p.id),
    names: points.map((p) => p.name),
    cities: points.map((p) => p.city),
    latitudes: points.map((p) => p.latitude),
    longitudes: points.map((p) => p.longitude),
    truncated,
  };
}

export function fromPointColumns(columns: PointColumns): MapPoint[] {
  return columns.ids.map((id, i) => ({
    id,
    name: columns.names[i]!,
    city: columns.cities[i]!,
    latitude: columns.latitudes[i]!,
    longitude: columns.longitudes[i]!,
  }));
}

/** The map's visible area: west, south, east, north in degrees; west > east when it spans the antimeridian. */
export type MapBounds = [west: number, south: number, east: number, north: number];

const wrapLongitude = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

/**
 * A map view's bounds as MapBounds: longitudes wrapped into −180…180 (a world view at low zoom
 * reaches beyond), the whole world when the view is wider than it, latitudes clamped.
 */
export function normalizeBounds(west: number, south: number, east: number, north: number): MapBounds {
  const lat = (value: number) => Math.max(-90, Math.min(90, value));
  if (east - west >= 360) return [-180, lat(south), 180, lat(north)];
  return [wrapLongitude(west), lat(south), wrapLongitude(east), lat(north)];
}

export function inBounds(point: Pick<MapPoint, 'latitude' | 'longitude'>, [west, south, east, north]: MapBounds): boolean {
  if (point.latitude < south || point.latitude > north) return false;
  return west <= east ? point.longitude >= west && point.longitude <= east : point.longitude >= west || point.longitude <= east;
}

/** The points inside the visible area, in their given order (the route sends them by name): what the list beside the map shows. */
export function pointsInBounds(points: MapPoint[], bounds: MapBounds): MapPoint[] {
  return points.filter((p) => inBounds(p, bounds));
}

/** One thing drawn on the map: a location, or a cluster of `count` nearby ones. */
export type MapFeature =
  | ({ kind: 'point' } & MapPoint)
  | { kind: 'cluster'; id: number; count: number; latitude: number; longitude: number; expansionZoom: number };

/** The deepest zoom at which points still cluster; beyond it every location has its own marker. */
export const CLUSTER_MAX_ZOOM = 16;

export type ClusterIndex = { index: Supercluster<MapPoint>; points: MapPoint[] };

/** A spatial index of the points (built once per list of points: ~100 ms for 50 000). */
export function clusterIndex(points: MapPoint[]): ClusterIndex {
  const index = new Supercluster<MapPoint>({ radius: 56, maxZoom: CLUSTER_MAX_ZOOM, minPoints: 2 });
  index.load(points.map((p) => ({ type: 'Feature', properties: p, geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] } })));
  return { index, points };
}

/** The markers and clusters to draw for a view: only those inside it, so a view never draws more than a few hundred. */
export function mapFeatures({ index }: ClusterIndex, bounds: MapBounds, zoom: number): MapFeature[] {
  return index.getClusters(bounds, Math.round(zoom)).map((feature): MapFeature => {
    const [longitude, latitude] = feature.geometry.coordinates as [number, number];
    const props = feature.properties;
    if ('cluster' in props && props.cluster) {
      const id = props.cluster_id;
      return { kind: 'cluster', id, count: props.point_count, latitude, longitude, expansionZoom: index.getClusterExpansionZoom(id) };
    }
    return { kind: 'point', ...(props as MapPoint) };
  });
}

/** The smallest MapBounds holding every point (null for none), to fit the first view to. */
export function boundsOf(points: MapPoint[]): MapBounds | null {
  if (!points.length) return null;
  let [west, south, east, north] = [180, 90, -180, -90];
  for (const p of points) {
    west = Math.min(west, p.longitude);
    east = Math.max(east, p.longitude);
    south = Math.min(south, p.latitude);
    north = Math.max(north, p.latitude);
  }
  return [west, south, east, north];
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

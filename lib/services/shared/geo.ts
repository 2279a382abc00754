import { and, sql, type AnyColumn, type SQL } from 'drizzle-orm';

const EARTH_RADIUS_M = 6_371_000;

/**
 * Rows whose coordinates lie within `radius` metres of `[lat, lon]` (great-circle distance), with a
 * bounding box first so the (latitude, longitude) index narrows the scan.
 */
export function withinRadius(
  columns: { latitude: AnyColumn | SQL; longitude: AnyColumn | SQL },
  [lat, lon]: [number, number],
  radius: number,
): SQL {
  const dLat = (radius / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLon = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
  const { latitude, longitude } = columns;
  const distance = sql`${EARTH_RADIUS_M} * 2 * asin(sqrt(
    power(sin(radians(${latitude} - ${lat}) / 2), 2) +
    cos(radians(${lat})) * cos(radians(${latitude})) * power(sin(radians(${longitude} - ${lon}) / 2), 2)))`;
  return and(
    sql`${latitude} between ${lat - dLat} and ${lat + dLat}`,
    sql`${longitude} between ${lon - dLon} and ${lon + dLon}`,
    sql`${distance} <= ${radius}`,
  )!;
}

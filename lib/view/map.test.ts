import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  clusterIndex,
  distanceMetres,
  fromPointColumns,
  inBounds,
  mapFeatures,
  normalizeBounds,
  pointsInBounds,
  tileAttribution,
  toPointColumns,
  type MapPoint,
} from './map';

const point = (i: number, latitude: number, longitude: number): MapPoint => ({
  id: `id-${i}`,
  name: `Location ${String(i).padStart(3, '0')}`,
  city: 'Utrecht',
  latitude,
  longitude,
});
// 30 locations within a few hundred metres in Utrecht, and one in Ghent.
const utrecht = Array.from({ length: 30 }, (_, i) => point(i, 52.09 + (i % 6) * 0.001, 5.12 + Math.floor(i / 6) * 0.001));
const ghent = point(99, 51.05, 3.72);

describe('map settings', () => {
  it('credits OpenStreetMap when its tiles are used', () => {
    const osm = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
    expect(tileAttribution(osm)).toContain('OpenStreetMap');
    expect(tileAttribution(null)).toBeUndefined();
  });

  it('measures great-circle distances', () => {
    const centre = { latitude: 52.0907, longitude: 5.1214 };
    expect(distanceMetres(centre, centre)).toBe(0);
    // Utrecht → Amsterdam centre is about 35 km.
    expect(distanceMetres(centre, { latitude: 52.3676, longitude: 4.9041 }) / 1000).toBeCloseTo(34, 0);
  });
});

describe('points', () => {
  it('travel as columns and come back the same', () => {
    const points = [...utrecht.slice(0, 3), ghent];
    const columns = toPointColumns(points, false);
    expect(columns.ids).toEqual(['id-0', 'id-1', 'id-2', 'id-99']);
    expect(fromPointColumns(columns)).toEqual(points);
  });

  it('have bounds', () => {
    expect(boundsOf([])).toBeNull();
    expect(boundsOf([utrecht[0]!, ghent])).toEqual([3.72, 51.05, 5.12, 52.09]);
  });
});

describe('bounds', () => {
  it('wrap a world view’s longitudes and span the whole world when wider than it', () => {
    expect(normalizeBounds(-400, -100, 400, 100)).toEqual([-180, -90, 180, 90]);
    expect(normalizeBounds(170, 0, 190, 10)).toEqual([170, 0, -170, 10]);
  });

  it('hold a point inside, also across the antimeridian', () => {
    expect(inBounds({ latitude: 5, longitude: 175 }, [170, 0, -170, 10])).toBe(true);
    expect(inBounds({ latitude: 5, longitude: -175 }, [170, 0, -170, 10])).toBe(true);
    expect(inBounds({ latitude: 5, longitude: 0 }, [170, 0, -170, 10])).toBe(false);
    expect(inBounds({ latitude: 20, longitude: 175 }, [170, 0, -170, 10])).toBe(false);
  });

  it('pick the points in view, in their order', () => {
    const netherlands = normalizeBounds(4.5, 51.5, 6, 53);
    const inView = pointsInBounds([ghent, ...utrecht], netherlands);
    expect(inView).toEqual(utrecht);
  });
});

describe('clusters', () => {
  const index = clusterIndex([...utrecht, ghent]);
  const world = normalizeBounds(-180, -85, 180, 85);

  it('at a low zoom gather nearby locations into one cluster with their count', () => {
    const features = mapFeatures(index, world, 6);
    const cluster = features.find((f) => f.kind === 'cluster');
    expect(cluster).toMatchObject({ kind: 'cluster', count: 30 });
    expect(features.filter((f) => f.kind === 'point').map((f) => (f.kind === 'point' ? f.id : ''))).toEqual(['id-99']);
    expect(cluster?.kind === 'cluster' && cluster.expansionZoom).toBeGreaterThan(6);
  });

  it('at street level show every location on its own', () => {
    const features = mapFeatures(index, world, 18);
    expect(features.every((f) => f.kind === 'point')).toBe(true);
    expect(features).toHaveLength(31);
  });

  it('leave out what is outside the view', () => {
    const belgium = normalizeBounds(2.5, 50.5, 4.5, 51.4);
    expect(mapFeatures(index, belgium, 18).map((f) => (f.kind === 'point' ? f.id : f.id))).toEqual(['id-99']);
  });

  it('keep 50 000 locations fast: index once, then each view in milliseconds', () => {
    const many = Array.from({ length: 50_000 }, (_, i) =>
      point(i, 50.8 + ((i * 7919) % 10_000) / 4000, 3.4 + ((i * 104729) % 10_000) / 3000),
    );
    const started = performance.now();
    const big = clusterIndex(many);
    const features = mapFeatures(big, world, 7);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(features.length).toBeLessThan(500);
    expect(features.reduce((sum, f) => sum + (f.kind === 'cluster' ? f.count : 1), 0)).toBe(50_000);
  });
});

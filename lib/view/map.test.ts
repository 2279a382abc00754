import { describe, expect, it } from 'vitest';
import { distanceMetres, tileAttribution } from './map';

describe('map settings', () => {
  it('credits OpenStreetMap when its tiles are used', () => {
    const osm = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
    expect(tileAttribution(osm)).toContain('OpenStreetMap');
    expect(tileAttribution(null)).toBeUndefined();
  });

  it('measures great-circle distances', () => {
    const utrecht = { latitude: 52.0907, longitude: 5.1214 };
    expect(distanceMetres(utrecht, utrecht)).toBe(0);
    // Utrecht → Amsterdam centre is about 35 km.
    expect(distanceMetres(utrecht, { latitude: 52.3676, longitude: 4.9041 }) / 1000).toBeCloseTo(34, 0);
  });
});

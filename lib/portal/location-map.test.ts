import { describe, expect, it } from 'vitest';
import { hiddenLocationColumns, locationExportHref } from './location-list';
import { distanceMetres, tileAttribution } from './location-map';

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

describe('locations list URL', () => {
  it('keeps only known columns in `hide`', () => {
    expect(hiddenLocationColumns('city,bogus,country')).toEqual(['city', 'country']);
    expect(hiddenLocationColumns(null)).toEqual([]);
  });

  it('exports the current filters without paging or view settings', () => {
    const href = locationExportHref(new URLSearchParams('q=Utrecht&cursor=abc&limit=50&hide=city&sort=name'));
    expect(href).toBe('/api/v2/locations/export?q=Utrecht&sort=name&format=csv');
  });
});

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { chargeStations } from '@/lib/db/schema';
import { locationListQuerySchema } from '@/lib/schemas/location';
import { makeLocation, makeStation, makeTenant, userContext } from '@/test/fixtures';
import { countLocationStations, listLocationPoints } from './index';

let own: string;
let other: string;
let viewer: AuthContext;
let ownLocation: string;
let foreignLocation: string;

beforeAll(async () => {
  own = (await makeTenant('Points')).id;
  other = (await makeTenant('Elsewhere')).id;
  viewer = await userContext('viewer', [own]);
  ownLocation = (await makeLocation(own, { name: 'Kade Noord', city: 'Delft', latitude: 52.01, longitude: 4.36 })).id;
  await makeLocation(own, { name: 'Kade Zuid', city: 'Delft', latitude: 52.0, longitude: 4.35 });
  foreignLocation = (await makeLocation(other, { name: 'Kade Oost' })).id;
  const broken = await makeStation(own, ownLocation);
  await getDb().update(chargeStations).set({ status: 'OUTOFORDER' }).where(eq(chargeStations.id, broken.id));
  await makeStation(own, ownLocation);
  await makeStation(own, ownLocation);
  await makeStation(other, foreignLocation);
});

describe('listLocationPoints', () => {
  it('gives every visible location of the filter with its position, not one page', async () => {
    const { points, truncated } = await listLocationPoints({
      ctx: viewer,
      query: locationListQuerySchema.parse({ q: 'Kade', limit: '1' }),
    });
    expect(truncated).toBe(false);
    expect(points.map((p) => p.name).sort()).toEqual(['Kade Noord', 'Kade Zuid']);
    expect(points.find((p) => p.id === ownLocation)).toEqual({
      id: ownLocation,
      name: 'Kade Noord',
      city: 'Delft',
      latitude: 52.01,
      longitude: 4.36,
    });
  });

  it('leaves out another tenant’s locations', async () => {
    const { points } = await listLocationPoints({ ctx: viewer, query: locationListQuerySchema.parse({}) });
    expect(points.map((p) => p.id)).not.toContain(foreignLocation);
  });
});

describe('countLocationStations', () => {
  it('counts the location’s stations per status, most first', async () => {
    expect(await countLocationStations({ ctx: viewer, id: ownLocation })).toEqual([
      { status: 'UNKNOWN', count: 2 },
      { status: 'OUTOFORDER', count: 1 },
    ]);
  });

  it('answers 404 for another tenant’s location', async () => {
    await expect(countLocationStations({ ctx: viewer, id: foreignLocation })).rejects.toMatchObject({ code: 'not_found' });
  });
});

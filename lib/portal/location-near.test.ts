import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { makeLocation, makeTenant, userContext } from '@/test/fixtures';
import { nearbyLocations } from './location-near';

let installer: AuthContext;
let near: string;
let far: string;
let foreign: string;

beforeAll(async () => {
  const own = (await makeTenant('Near')).id;
  const other = (await makeTenant('Elsewhere')).id;
  installer = await userContext('installer', [own]);
  // A spot no other test uses, so the radius holds only these rows.
  near = (await makeLocation(own, { latitude: 10.0005, longitude: 20.0005 })).id;
  far = (await makeLocation(own, { latitude: 10.05, longitude: 20.05 })).id;
  foreign = (await makeLocation(other, { latitude: 10.0001, longitude: 20.0001 })).id;
  await makeLocation(own, { latitude: 10.0002, longitude: 20.0002, name: 'Closest' });
});

describe('nearbyLocations', () => {
  it('lists the caller’s locations within the radius, nearest first, with distances', async () => {
    const found = await nearbyLocations(installer, '10,20');
    expect(found!.map((l) => l.name)[0]).toBe('Closest');
    expect(found!.map((l) => l.id)).toContain(near);
    expect(found!.map((l) => l.id)).not.toContain(far);
    expect(found!.map((l) => l.id)).not.toContain(foreign);
    expect(found![1]!.distance).toBeGreaterThan(found![0]!.distance);
    expect(found![1]!.distance).toBeLessThan(100);
  });

  it('a position that is not one gives null, not an error', async () => {
    expect(await nearbyLocations(installer, '95,20')).toBeNull();
    expect(await nearbyLocations(installer, 'here')).toBeNull();
  });
});

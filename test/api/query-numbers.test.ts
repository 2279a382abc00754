import { beforeAll, describe, expect, it } from 'vitest';
import * as locations from '@/app/api/v2/locations/route';
import { call } from '@/test/api/request';
import { makeApiKey, makeTenant } from '@/test/fixtures';

// Numbers in a query string are plain decimal digits: other spellings a client may send by
// mistake (hex, exponent, sign, padding) are a 400 naming the parameter, never read as numbers.
let key: string;
beforeAll(async () => {
  key = (await makeApiKey('customer_admin', (await makeTenant('Query numbers')).id)).secret;
});

describe('query-string numbers', () => {
  it.each(['0x10', '1e2', '+1', ' 1', '01', '1.5', '10abc'])('limit=%j → 400 at /limit', async (value) => {
    const res = await call(locations.GET, `/api/v2/locations?limit=${encodeURIComponent(value)}`, { key });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: '/limit' }));
  });

  it.each(['1e2', '0x10', '-5', '.5'])('radius=%j → 400 at /radius', async (value) => {
    const res = await call(locations.GET, `/api/v2/locations?near=52.09,5.12&radius=${encodeURIComponent(value)}`, { key });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual(expect.objectContaining({ path: '/radius' }));
  });

  it('plain values work: limit=7, radius=250.5', async () => {
    expect((await call(locations.GET, '/api/v2/locations?limit=7', { key })).status).toBe(200);
    expect((await call(locations.GET, '/api/v2/locations?near=52.09,5.12&radius=250.5', { key })).status).toBe(200);
  });
});

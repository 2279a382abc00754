import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as locations from '@/app/api/v2/locations/route';
import { makeApiKey, makeTenant } from '@/test/fixtures';
import { call } from './request';

// Read once per process by lib/env; this file runs in its own worker.
vi.stubEnv('RATE_LIMIT_PER_MINUTE', '5');

let key: string;
beforeAll(async () => {
  key = (await makeApiKey('viewer', (await makeTenant('Limited')).id)).secret;
});

describe('per-key rate limit', () => {
  it('answers 429 problem+json with Retry-After once the budget is spent, per key', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await call(locations.GET, '/api/v2/locations', { key })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await call(locations.GET, '/api/v2/locations', { key });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('content-type')).toBe('application/problem+json');
    const fresh = (await makeApiKey('viewer', (await makeTenant('Fresh')).id)).secret;
    expect((await call(locations.GET, '/api/v2/locations', { key: fresh })).status).toBe(200);
  });
});

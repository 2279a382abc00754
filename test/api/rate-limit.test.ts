import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as locationItem from '@/app/api/v2/locations/[id]/route';
import * as locations from '@/app/api/v2/locations/route';
import { rateLimitMeter } from '@/lib/http/rate-limit';
import { makeApiKey, makeTenant, userContext } from '@/test/fixtures';
import { call } from './request';

// Read once per process by lib/env; this file runs in its own worker.
vi.stubEnv('RATE_LIMIT_PER_MINUTE', '5');

const location = {
  name: 'Limited garage',
  address: 'Parklaan 12',
  city: 'Utrecht',
  country: 'NLD',
  coordinates: { latitude: 52.09, longitude: 5.12 },
};
const quota = (headers: Headers) => ({
  limit: Number(headers.get('ratelimit-limit')),
  remaining: Number(headers.get('ratelimit-remaining')),
  reset: Number(headers.get('ratelimit-reset')),
});

let tenantId: string;
let key: string;
beforeAll(async () => {
  tenantId = (await makeTenant('Limited')).id;
  key = (await makeApiKey('viewer', tenantId)).secret;
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

  it('puts RateLimit-Limit, -Remaining and -Reset on 200, 201, 404, 422 and 429; Remaining counts down', async () => {
    const admin = (await makeApiKey('customer_admin', tenantId)).secret;
    const answers = [
      await call(locations.GET, '/api/v2/locations', { key: admin }),
      await call(locations.POST, '/api/v2/locations', { key: admin, method: 'POST', body: location }),
      await call(locationItem.GET, '', { key: admin, params: { id: randomUUID() } }),
      await call(locations.POST, '/api/v2/locations', { key: admin, method: 'POST', body: { name: 42 } }),
      await call(locations.GET, '/api/v2/locations', { key: admin }),
      await call(locations.GET, '/api/v2/locations', { key: admin }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 201, 404, 422, 200, 429]);
    const quotas = answers.map((a) => quota(a.headers));
    expect(quotas.map((q) => q.limit)).toEqual([5, 5, 5, 5, 5, 5]);
    expect(quotas.map((q) => q.remaining)).toEqual([4, 3, 2, 1, 0, 0]);
    for (const q of quotas) {
      expect(q.reset).toBeGreaterThanOrEqual(1);
      expect(q.reset).toBeLessThanOrEqual(60);
    }
    // Seconds until the window resets never grow within one window.
    expect([...quotas.map((q) => q.reset)].sort((a, b) => b - a)).toEqual(quotas.map((q) => q.reset));
    expect(answers[5]!.headers.get('retry-after')).toBe(String(quotas[5]!.reset));
  });

  it('puts none on a 401: the caller is not known', async () => {
    const unknown = await call(locations.GET, '/api/v2/locations', { key: 'not-a-key-at-all' });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('ratelimit-limit')).toBeNull();
  });

  it('limits a portal user calling the API with the session like a key, on a budget of their own', async () => {
    const ctx = await userContext('customer_admin', [tenantId]);
    const remaining = [];
    for (let i = 0; i < 5; i++) {
      const meter = rateLimitMeter();
      await meter.consume(ctx);
      remaining.push(quota(meter.stamp(new Response(null)).headers).remaining);
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    const meter = rateLimitMeter();
    await expect(meter.consume(ctx)).rejects.toMatchObject({ code: 'rate_limited' });
    expect(quota(meter.stamp(new Response(null)).headers)).toMatchObject({ limit: 5, remaining: 0 });
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { rateLimitMeter } from '@/lib/http/rate-limit';
import { leaseRequests } from '@/lib/services/limits';

// Read once per process by lib/env; this file runs in its own worker.
vi.stubEnv('RATE_LIMIT_PER_MINUTE', '1500');

describe('bursts', () => {
  it('refuse a caller whose 1000 requests of this second another instance took, with the second window in the headers', async () => {
    const id = randomUUID();
    const ctx: AuthContext = { actor: { kind: 'api_key', id }, cpoWide: null, tenants: new Map(), pool: null };
    // What another instance leased for this key just now: the whole burst.
    const taken = await leaseRequests({
      windows: [
        { bucket: `api:api_key:${id}:1`, seconds: 1, limit: 1000 },
        { bucket: `api:api_key:${id}:60`, seconds: 60, limit: 1500 },
      ],
      want: 1000,
    });
    expect(taken.granted).toBe(1000);
    const meter = rateLimitMeter();
    await expect(meter.consume(ctx)).rejects.toMatchObject({ code: 'rate_limited', extra: { retryAfter: 1 } });
    const headers = meter.stamp(new Response(null)).headers;
    expect(headers.get('ratelimit-limit')).toBe('1000');
    expect(headers.get('ratelimit-remaining')).toBe('0');
    expect(headers.get('ratelimit-reset')).toBe('1');
    // Once the second is over, the minute's remaining 500 are there.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const later = rateLimitMeter();
    await later.consume(ctx);
    const quota = later.stamp(new Response(null)).headers;
    expect(quota.get('ratelimit-limit')).toBe('1500');
    expect(Number(quota.get('ratelimit-remaining'))).toBe(499);
  });
});

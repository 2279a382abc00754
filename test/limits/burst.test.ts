import { randomUUID } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { rateLimitMeter } from '@/lib/http/rate-limit';

// Read once per process by lib/env; this file runs in its own worker.
vi.stubEnv('RATE_LIMIT_PER_MINUTE', '1500');

const caller = (): AuthContext => ({ actor: { kind: 'api_key', id: randomUUID() }, cpoWide: null, tenants: new Map(), pool: null });

describe('bursts', () => {
  it('admit at most 1000 requests of one caller in a second, then 429 with the second window in the headers', async () => {
    const ctx = caller();
    const started = Date.now();
    const results = await Promise.all(
      Array.from({ length: 1100 }, async () => {
        const meter = rateLimitMeter();
        const outcome = await meter.consume(ctx).then(
          () => 'ok',
          (error: { code: string }) => error.code,
        );
        return { outcome, headers: meter.stamp(new Response(null)).headers };
      }),
    );
    // All 1100 ran inside one burst window (it starts with the first request).
    expect(Date.now() - started).toBeLessThan(1000);
    expect(results.filter((r) => r.outcome === 'ok')).toHaveLength(1000);
    const refused = results.find((r) => r.outcome === 'rate_limited')!;
    expect(refused.headers.get('ratelimit-limit')).toBe('1000');
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.headers.get('ratelimit-reset')).toBe('1');
    const admitted = results.find((r) => r.outcome === 'ok')!;
    expect(admitted.headers.get('ratelimit-limit')).toBe('1500');
  });
});

import { describe, expect, it, vi } from 'vitest';
import * as locations from '@/app/api/v2/locations/route';
import { call } from '@/test/api/request';
import { makeApiKey, makeTenant } from '@/test/fixtures';

// Read once per process by lib/env; this file runs in its own worker.
vi.stubEnv('RATE_LIMIT_PER_MINUTE', '0');

describe('RATE_LIMIT_PER_MINUTE=0', () => {
  it('limits nothing and sends no RateLimit headers', async () => {
    const key = (await makeApiKey('viewer', (await makeTenant('Unlimited')).id)).secret;
    for (let i = 0; i < 20; i++) {
      const answer = await call(locations.GET, '/api/v2/locations', { key });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('ratelimit-limit')).toBeNull();
      expect(answer.headers.get('ratelimit-remaining')).toBeNull();
    }
  });
});

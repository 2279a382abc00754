import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as health from '@/app/api/health/route';
import * as collection from '@/app/api/v2/locations/route';
import { closeDb } from '@/lib/db/client';
import { markReady } from '@/lib/services/bootstrap/readiness';
import { call } from '@/test/api/request';
import { setEnv } from './fault-database';

// A database that never answers (a host that accepts TCP and stays silent, as behind a dead
// load balancer): requests answer 503 with Retry-After once the connect timeout passes, instead of
// hanging for postgres.js' 30 s default or answering 500.

const CONNECT_TIMEOUT_MS = 600;
const silent = net.createServer(() => {});
let restoreEnv = () => {};

beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const { port } = silent.address() as net.AddressInfo;
  await closeDb();
  restoreEnv = setEnv({
    DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/silent`,
    DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
  });
  markReady();
});

afterAll(async () => {
  await closeDb();
  restoreEnv();
  silent.close();
});

describe('a database that does not answer', () => {
  it('answers /api/health and an API request 503 with Retry-After within the connect timeout', async () => {
    for (const [handler, url, key] of [
      [health.GET, '/api/health', undefined],
      [collection.GET, '/api/v2/locations', 'test_0123456789abcdef0123456789'],
    ] as const) {
      const started = Date.now();
      const res = await call(handler, url, { key });
      const waited = Date.now() - started;
      console.log(`${url} answered ${res.status} after ${waited} ms (connect timeout ${CONNECT_TIMEOUT_MS} ms)`);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(res.body).toMatchObject({ status: 503, title: 'Service unavailable' });
      // The API retries a read once: two connect timeouts and the pause between them at most.
      expect(waited).toBeLessThan(CONNECT_TIMEOUT_MS * 2 + 1000);
    }
  }, 30_000);
});

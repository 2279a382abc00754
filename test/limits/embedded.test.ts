import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { AuthContext } from '@/lib/auth/context';
import { startEmbeddedDatabase } from '@/lib/db/embedded';

// The embedded default (PGlite, one session, a pool of one): the shared limits run on it too.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clm-limits-'));
const embedded = await startEmbeddedDatabase(dataDir);
// Read once per process by lib/env, which no module has read yet in this worker.
vi.stubEnv('DATABASE_URL', embedded.url);
vi.stubEnv('DATABASE_POOL_MAX', '1');
vi.stubEnv('RATE_LIMIT_PER_MINUTE', '8');

afterAll(async () => {
  const { closeDb } = await import('@/lib/db/client');
  await closeDb();
  await embedded.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('limits on the embedded database', () => {
  it('count API requests and sign-in attempts through the single session', async () => {
    const { runMigrations } = await import('@/lib/db/migrate');
    await runMigrations();
    const { rateLimitMeter } = await import('@/lib/http/rate-limit');
    const { takeSignInAttempt } = await import('@/lib/auth/sign-in-limiter');
    const ctx: AuthContext = { actor: { kind: 'api_key', id: randomUUID() }, cpoWide: null, tenants: new Map(), pool: null };
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () =>
        rateLimitMeter()
          .consume(ctx)
          .then(
            () => 'ok',
            (error: { code: string }) => error.code,
          ),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(8);
    const waits = [];
    for (let i = 0; i < 11; i++) waits.push(await takeSignInAttempt('someone@example.test', `10.30.0.${i}`));
    expect(waits.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(waits[10]).toBeGreaterThan(800);
  }, 60_000);
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { startEmbeddedDatabase } from '@/lib/db/embedded';

// The embedded default (PGlite, one session, a pool of one) with the read paths that differ there:
// exports use a WITH HOLD cursor between other queries, API keys are not cached (no connection to
// LISTEN on), and prepared statements go through the socket server.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clm-embedded-reads-'));
const embedded = await startEmbeddedDatabase(dataDir);
// Read once per process by lib/env, which no module has read yet in this worker.
vi.stubEnv('DATABASE_URL', embedded.url);
vi.stubEnv('DATABASE_POOL_MAX', '1');

afterAll(async () => {
  const { closeDb } = await import('@/lib/db/client');
  await closeDb();
  await embedded.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('reads on the embedded database', () => {
  it('export through a WITH HOLD cursor while other queries run, GET one prepared, API keys uncached', async () => {
    const { runMigrations } = await import('@/lib/db/migrate');
    await runMigrations();
    const { getDb } = await import('@/lib/db/client');
    const { locations, tenants } = await import('@/lib/db/schema');
    const { makeApiKey, makeStation, userContext } = await import('@/test/fixtures');
    const { exportLocations } = await import('@/lib/services/locations');
    const { getChargeStation } = await import('@/lib/services/charge-stations');
    const { locationExportQuerySchema } = await import('@/lib/schemas/location');
    const { cachedApiKeyContext } = await import('@/lib/auth/api-key-cache');
    const { eq } = await import('drizzle-orm');

    const [tenant] = await getDb().insert(tenants).values({ slug: 'embedded', name: 'Embedded', kind: 'B2B' }).returning();
    await getDb()
      .insert(locations)
      .values(
        Array.from({ length: 2_100 }, (_, i) => ({
          tenantId: tenant!.id,
          name: `Embedded ${String(i).padStart(4, '0')}`,
          address: 'Parklaan 12',
          city: 'Utrecht',
          country: 'NLD',
          latitude: 52.09,
          longitude: 5.12,
        })),
      );
    const viewer = await userContext('viewer', [tenant!.id]);
    const station = await makeStation(tenant!.id);

    const names: string[] = [];
    for await (const batch of exportLocations({
      ctx: viewer,
      query: locationExportQuerySchema.parse({ format: 'ndjson', sort: 'name' }),
    })) {
      names.push(...batch.map((l) => l.name));
      // Another request on the one session between two FETCHes.
      expect((await getChargeStation({ ctx: viewer, id: station.id })).ocpp_id).toBe(station.ocppId);
    }
    expect(names).toHaveLength(2_100);
    expect(names[0]).toBe('Embedded 0000');
    expect(names.at(-1)).toBe('Embedded 2099');

    const { secret, key } = await makeApiKey('customer_admin', tenant!.id);
    expect((await cachedApiKeyContext(secret))?.tenants.has(tenant!.id)).toBe(true);
    const { apiKeys } = await import('@/lib/db/schema');
    await getDb().update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, key.id));
    expect(await cachedApiKeyContext(secret)).toBeNull();
  }, 120_000);
});

import { sql } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';

// Read once per process by lib/env, which no module has read yet in this file's worker: a short
// idle-in-transaction timeout (so the export's own idle limit is 400 ms) and a pool of 10.
vi.stubEnv('DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS', '800');
vi.stubEnv('DATABASE_POOL_MAX', '10');

const { getDb } = await import('@/lib/db/client');
const { locations } = await import('@/lib/db/schema');
const { locationExportQuerySchema } = await import('@/lib/schemas/location');
const { exportLocations } = await import('@/lib/services/locations');
const { makeTenant, userContext } = await import('@/test/fixtures');

async function viewerWithLocations(count: number) {
  const tenant = (await makeTenant('Limits')).id;
  await getDb()
    .insert(locations)
    .values(
      Array.from({ length: count }, (_, i) => ({
        tenantId: tenant,
        name: `Limits ${i}`,
        address: 'Parklaan 12',
        city: 'Utrecht',
        country: 'NLD',
        latitude: 52.09,
        longitude: 5.12,
      })),
    );
  return userContext('viewer', [tenant]);
}

const start = (ctx: Awaited<ReturnType<typeof viewerWithLocations>>) =>
  exportLocations({ ctx, query: locationExportQuerySchema.parse({ format: 'ndjson' }) });

const openTransactions = async () =>
  (
    await getDb().execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
    )
  )[0]!.n;

describe('export limits', () => {
  it('ends an export whose consumer stops reading, before Postgres would, and gives the connection back', async () => {
    const viewer = await viewerWithLocations(2_500);
    const stalled = start(viewer);
    expect((await stalled.next()).value).toHaveLength(1_000);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await openTransactions()).toBe(0);
    await expect(stalled.next()).rejects.toThrow(/read nothing for 0.4 s/);
    // The pool is whole: more exports than it has connections, one after another.
    for (let i = 0; i < 12; i++) {
      const batches = start(viewer);
      expect((await batches.next()).value).toHaveLength(1_000);
      await batches.return(undefined);
    }
  });

  it('runs at most half the pool at once and answers 503 beyond that', async () => {
    const viewer = await viewerWithLocations(1_500);
    const running = Array.from({ length: 5 }, () => start(viewer));
    for (const batches of running) expect((await batches.next()).value).toHaveLength(1_000);
    await expect(start(viewer).next()).rejects.toMatchObject({ code: 'service_unavailable', extra: { retryAfter: 5 } });
    await running[0]!.return(undefined);
    const next = start(viewer);
    expect((await next.next()).value).toHaveLength(1_000);
    await Promise.all([next, ...running.slice(1)].map((batches) => batches.return(undefined)));
  });
});

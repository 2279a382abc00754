import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { locations } from '@/lib/db/schema';
import { locationListQuerySchema } from '@/lib/schemas/location';
import { listLocations } from '@/lib/services/locations';
import { makeLocation, makeTenant, userContext } from '@/test/fixtures';
import { changedAt, writeTransaction } from './change-order';

describe('change-ordered lists never skip a slow writer', () => {
  it('a sync read waits for writers in flight, so a change committed late is not behind its cursor', async () => {
    const tenant = (await makeTenant('Barrier')).id;
    const reader = await userContext('viewer', [tenant]);
    const slow = await makeLocation(tenant, { name: 'slow' });
    const fast = await makeLocation(tenant, { name: 'fast' });

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The slow writer stamps its change first, then holds its transaction open.
    const slowWrite = writeTransaction(async (tx) => {
      await tx.update(locations).set({ remarks: 'slow', updatedAt: changedAt }).where(eq(locations.id, slow.id));
      await gate;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    // A later writer commits first, with a later timestamp.
    await writeTransaction((tx) => tx.update(locations).set({ remarks: 'fast', updatedAt: changedAt }).where(eq(locations.id, fast.id)));

    let listed: string[] | undefined;
    const read = listLocations({ ctx: reader, query: locationListQuerySchema.parse({ limit: '1000' }) }).then((page) => {
      listed = page.data.map((l) => l.name);
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(listed).toBeUndefined(); // held at the barrier while the slow change is in flight
    release();
    await Promise.all([slowWrite, read]);
    expect(listed).toEqual(['slow', 'fast']);
    const [row] = await getDb().select().from(locations).where(eq(locations.id, slow.id));
    expect(row!.remarks).toBe('slow');
  });

  it('other sort orders do not wait', async () => {
    const tenant = (await makeTenant('NoBarrier')).id;
    const reader = await userContext('viewer', [tenant]);
    await makeLocation(tenant, { name: 'only' });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = writeTransaction(async () => gate);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const page = await listLocations({ ctx: reader, query: locationListQuerySchema.parse({ sort: 'name' }) });
    expect(page.data.map((l) => l.name)).toEqual(['only']);
    release();
    await held;
  });
});

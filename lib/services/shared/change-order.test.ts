import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { locations } from '@/lib/db/schema';
import { locationListQuerySchema } from '@/lib/schemas/location';
import { listLocations } from '@/lib/services/locations';
import { makeLocation, makeTenant, userContext } from '@/test/fixtures';
import { changedAt, writeTransaction } from './change-order';

describe('change-ordered lists never skip a slow writer, and never wait for one', () => {
  it('a sync read does not wait for a writer in flight, and returns nothing it could later commit behind', async () => {
    const tenant = (await makeTenant('Horizon')).id;
    const reader = await userContext('viewer', [tenant]);
    const slow = await makeLocation(tenant, { name: 'slow' });
    const fast = await makeLocation(tenant, { name: 'fast' });
    await makeLocation(tenant, { name: 'before' });
    const sync = () => listLocations({ ctx: reader, query: locationListQuerySchema.parse({ limit: '1000' }) });
    expect((await sync()).data.map((l) => l.name)).toEqual(['slow', 'fast', 'before']);

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

    // Answered while the slow change is in flight: `fast` is committed, but a page ending at it
    // would put its cursor past the slow change's timestamp. Both changes wait behind the horizon;
    // the slow row's committed version (older) is listed.
    const during = await Promise.race([sync(), new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 2_000))]);
    expect(during === 'waited' ? during : during.data.map((l) => l.name)).toEqual(['slow', 'before']);
    release();
    await slowWrite;
    expect((await sync()).data.map((l) => l.name)).toEqual(['before', 'slow', 'fast']);
    const [row] = await getDb().select().from(locations).where(eq(locations.id, slow.id));
    expect(row!.remarks).toBe('slow');
  });

  it('a caller sees its own committed change at once when no older writer is in flight', async () => {
    const tenant = (await makeTenant('OwnChange')).id;
    const reader = await userContext('viewer', [tenant]);
    const created = await makeLocation(tenant, { name: 'mine' });
    const page = await listLocations({ ctx: reader, query: locationListQuerySchema.parse({}) });
    expect(page.data.map((l) => l.id)).toEqual([created.id]);
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

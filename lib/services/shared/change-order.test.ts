import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { locations } from '@/lib/db/schema';
import { locationListQuerySchema } from '@/lib/schemas/location';
import { listLocations } from '@/lib/services/locations';
import { makeLocation, makeTenant, userContext } from '@/test/fixtures';
import { changedAt, writeTransaction } from './change-order';

/**
 * The names a sync lists once every writer older than the caller's last change has finished: the
 * test database is shared with other test files, whose writers may hold the horizon back a moment.
 */
async function eventually(list: () => Promise<string[]>, expected: string[]): Promise<void> {
  const deadline = Date.now() + 5_000;
  let names = await list();
  while (JSON.stringify(names) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    names = await list();
  }
  expect(names).toEqual(expected);
}

describe('change-ordered lists never skip a slow writer, and never wait for one', () => {
  it('a sync read does not wait for a writer in flight, and returns nothing it could later commit behind', async () => {
    const tenant = (await makeTenant('Horizon')).id;
    const reader = await userContext('viewer', [tenant]);
    const slow = await makeLocation(tenant, { name: 'slow' });
    const fast = await makeLocation(tenant, { name: 'fast' });
    await makeLocation(tenant, { name: 'before' });
    const sync = async () =>
      (await listLocations({ ctx: reader, query: locationListQuerySchema.parse({ limit: '1000' }) })).data.map((l) => l.name);
    await eventually(sync, ['slow', 'fast', 'before']);

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The slow writer stamps its change first, then holds its transaction open.
    const slowWrite = writeTransaction(async (tx) => {
      await tx.update(locations).set({ remarks: 'slow', updatedAt: changedAt }).where(eq(locations.id, slow.id));
      await gate;
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 50));
      // A later writer commits first, with a later timestamp.
      await writeTransaction((tx) => tx.update(locations).set({ remarks: 'fast', updatedAt: changedAt }).where(eq(locations.id, fast.id)));

      // Answered while the slow change is in flight: `fast` is committed, but a page ending at it
      // would put its cursor past the slow change's timestamp, so it waits behind the horizon.
      // Only older versions may be listed (`slow` as it was, `before`), in their order.
      const during = await Promise.race([sync(), new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 2_000))]);
      expect(during).not.toBe('waited');
      expect(['slow', 'before'].filter((name) => (during as string[]).includes(name))).toEqual(during);
    } finally {
      release();
      await slowWrite;
    }
    await eventually(sync, ['before', 'slow', 'fast']);
    const [row] = await getDb().select().from(locations).where(eq(locations.id, slow.id));
    expect(row!.remarks).toBe('slow');
  });

  it("a caller's own committed change is listed as soon as the writers older than it have finished", async () => {
    const tenant = (await makeTenant('OwnChange')).id;
    const reader = await userContext('viewer', [tenant]);
    await makeLocation(tenant, { name: 'mine' });
    await eventually(
      async () => (await listLocations({ ctx: reader, query: locationListQuerySchema.parse({}) })).data.map((l) => l.name),
      ['mine'],
    );
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

import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { makeApiKey, makeTenant } from '@/test/fixtures';
import { countStatements, writesTo } from '@/test/statements';
import { cachedApiKeyContext } from './api-key-cache';

// Another instance's writes: a connection of its own, as a second app process would have.
const otherInstance = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
afterAll(() => otherInstance.end({ timeout: 1 }));

/** Polls `check` every 20 ms until it holds or `ms` pass; returns how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

/** A key whose context is in the cache (the first lookups also start the LISTEN). */
async function cachedKey() {
  const tenant = await makeTenant('Cached');
  const { secret, key } = await makeApiKey('customer_admin', tenant.id);
  await within(5_000, async () => (await countStatements(() => cachedApiKeyContext(secret))).statements.length === 0);
  return { tenant, secret, key };
}

describe('API-key contexts cached per process', () => {
  it('authenticate a repeated key with no statement, writing last_used_at once', async () => {
    const tenant = await makeTenant('Repeat');
    const { secret } = await makeApiKey('customer_admin', tenant.id);
    const first = await countStatements(() => cachedApiKeyContext(secret));
    expect(writesTo(first.statements, ['api_keys'])).toHaveLength(1);
    await within(5_000, async () => (await countStatements(() => cachedApiKeyContext(secret))).statements.length === 0);
    const again = await countStatements(() => cachedApiKeyContext(secret));
    expect(again.statements).toEqual([]);
    expect(again.result?.tenants.get(tenant.id)?.has('station:write')).toBe(true);
  });

  it('refuse a key revoked by another instance within milliseconds (NOTIFY), not after the TTL', async () => {
    const { secret, key } = await cachedKey();
    await otherInstance`update api_keys set revoked_at = now() where id = ${key.id}`;
    const took = await within(2_000, async () => (await cachedApiKeyContext(secret)) === null);
    expect(took).toBeLessThan(2_000);
  });

  // A statement-level trigger fires even when no row changes: the seeded roles stay as they are.
  const noOpUpdates = {
    roles: 'update roles set name = name where false',
    role_permissions: 'update role_permissions set role_id = role_id where false',
  };
  for (const [table, update] of Object.entries(noOpUpdates)) {
    it(`load the key again after another instance changes ${table}`, async () => {
      const { secret } = await cachedKey();
      await otherInstance.unsafe(update);
      await within(2_000, async () => (await countStatements(() => cachedApiKeyContext(secret))).statements.length > 0);
    });
  }

  it('stop using a key at its expiry without any notification', async () => {
    const tenant = await makeTenant('Expiring');
    const { secret } = await makeApiKey('customer_admin', tenant.id, { expiresAt: new Date(Date.now() + 1_500) });
    await within(1_000, async () => (await countStatements(() => cachedApiKeyContext(secret))).statements.length === 0);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect(await cachedApiKeyContext(secret)).toBeNull();
  });
});

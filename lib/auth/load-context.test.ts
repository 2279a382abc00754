import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { retryOnce } from '@/lib/db/faults';
import * as schema from '@/lib/db/schema';
import { makeApiKey, makeTenant } from '@/test/fixtures';
import { countStatements, writesTo } from '@/test/statements';
import { contextForApiKey } from './load-context';

// The 401 for a valid key seen under terminated sessions (test/faults/api-faults.test.ts): a
// query cut between its rows left postgres.js's row count behind, and the key lookup that followed
// on the same connection read a hole for its row. The pool here has one connection, so the
// lookup runs right after the cut query; only this pool's own backend is terminated.
const client = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
const db = drizzle(client, { schema, casing: 'snake_case' });

afterAll(async () => {
  await client.end({ timeout: 1 });
});

const cutAfterTwoRows = {
  'an error in a row': () => client`select i, 1 / (3 - i) from generate_series(1, 10) i`,
  'a terminated session': () =>
    client`select i, case when i = 3 then pg_terminate_backend(pg_backend_pid()) end from generate_series(1, 10) i`,
};

describe('contextForApiKey after a query cut between its rows', () => {
  for (const [cut, query] of Object.entries(cutAfterTwoRows)) {
    it(`finds a valid key after ${cut}`, async () => {
      const tenant = await makeTenant('Cut');
      const { secret } = await makeApiKey('customer_admin', tenant.id);
      await expect(query()).rejects.toThrow();
      // As the API authenticates: a connection fault is retried once (lib/http/endpoint.ts).
      const context = await retryOnce(() => contextForApiKey(db, secret), 'reads');
      expect(context?.tenants.has(tenant.id)).toBe(true);
    });
  }
});

describe('contextForApiKey statements', () => {
  it('authenticates with one statement, writing last_used_at only when it is over a minute old', async () => {
    const tenant = await makeTenant('Statements');
    const { secret } = await makeApiKey('customer_admin', tenant.id);
    const first = await countStatements(() => contextForApiKey(getDb(), secret));
    expect(first.statements).toHaveLength(2);
    expect(writesTo(first.statements, ['api_keys'])).toHaveLength(1);
    const next = await countStatements(() => contextForApiKey(getDb(), secret));
    expect(next.statements).toHaveLength(1);
    expect(next.result?.tenants.get(tenant.id)?.has('station:write')).toBe(true);
  });
});

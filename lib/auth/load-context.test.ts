import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { retryOnce } from '@/lib/db/faults';
import * as schema from '@/lib/db/schema';
import { makeApiKey, makeTenant } from '@/test/fixtures';
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

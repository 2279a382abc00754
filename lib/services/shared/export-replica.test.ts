import path from 'node:path';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locationExportQuerySchema } from '@/lib/schemas/location';
import { exportLocations } from '@/lib/services/locations';
import { makeLocation, makeTenant, userContext } from '@/test/fixtures';
import { createDatabase } from '@/test/postgres-server';

// A stand-in for a streaming replica: a second database with the same schema, holding different
// rows, so an export shows which one it read. Set before this file's first database use.
let replica: Awaited<ReturnType<typeof createDatabase>>;
let replicaSql: postgres.Sql;

beforeAll(async () => {
  const admin = new URL(process.env.DATABASE_URL!);
  admin.pathname = '/postgres';
  replica = await createDatabase(admin.toString(), 'clm_replica');
  replicaSql = postgres(replica.url, { max: 1, onnotice: () => {} });
  await migrate(drizzle(replicaSql), { migrationsFolder: path.join(process.cwd(), 'drizzle') });
  process.env.DATABASE_READ_URL = replica.url;
});

afterAll(async () => {
  delete process.env.DATABASE_READ_URL;
  await replicaSql.end();
  await replica.drop();
});

describe('DATABASE_READ_URL', () => {
  it("sends an export's cursor and batches to the replica, checking the caller on the primary", async () => {
    const tenant = await makeTenant('Replica');
    const viewer = await userContext('viewer', [tenant.id]);
    await makeLocation(tenant.id, { name: 'On the primary' });
    await replicaSql`insert into tenants (id, slug, name, kind) values (${tenant.id}, ${tenant.slug}, ${tenant.name}, 'B2B')`;
    await replicaSql`
      insert into locations (tenant_id, name, address, city, country, latitude, longitude)
      values (${tenant.id}, 'On the replica', 'Parklaan 12', 'Utrecht', 'NLD', 52.09, 5.12)`;
    const names: string[] = [];
    for await (const batch of exportLocations({ ctx: viewer, query: locationExportQuerySchema.parse({ format: 'ndjson' }) })) {
      names.push(...batch.map((l) => l.name));
    }
    expect(names).toEqual(['On the replica']);
  });
});

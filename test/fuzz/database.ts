import { inject } from 'vitest';
import { createDatabase } from '@/test/postgres-server';

/**
 * A database of the fuzz suite's own, created and migrated before anything connects: the
 * checksums cover every table, so other test files writing to the run's shared database at the
 * same time must not be in it. Call before the first query of the process.
 */
export async function useOwnDatabase(): Promise<{ name: string; drop: () => Promise<void> }> {
  const admin = new URL(inject('databaseUrl'));
  admin.pathname = '/postgres';
  const database = await createDatabase(admin.toString(), 'clm_fuzz');
  process.env.DATABASE_URL = database.url;
  const { runMigrations } = await import('@/lib/db/migrate');
  const { closeDb } = await import('@/lib/db/client');
  await runMigrations();
  return {
    name: new URL(database.url).pathname.slice(1),
    drop: async () => {
      await closeDb();
      await database.drop();
    },
  };
}

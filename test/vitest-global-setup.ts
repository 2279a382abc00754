import type { TestProject } from 'vitest/node';
import { acquirePostgres, createDatabase } from './postgres-server';

/** One real database per `vitest run`: created and migrated here, dropped at the end. */
export default async function setup(project: TestProject) {
  const server = await acquirePostgres();
  const database = await createDatabase(server.adminUrl, 'clm_test');
  process.env.DATABASE_URL = database.url;
  process.env.AUTH_SECRET ??= 'test-secret-test-secret-test-secret-0123';
  const { runMigrations } = await import('@/lib/db/migrate');
  const { closeDb } = await import('@/lib/db/client');
  await runMigrations();
  await closeDb();
  project.provide('databaseUrl', database.url);
  return async () => {
    await database.drop();
    await server.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

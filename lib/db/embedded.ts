import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** Only names the socket file (`.s.PGSQL.<port>`), as libpq clients expect. */
const SOCKET_PORT = 5432;

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/**
 * The embedded default (no DATABASE_URL): PGlite (Postgres compiled to WASM) with its data in
 * `<dataDir>/pglite`, served so the app keeps one driver (postgres.js). It listens on a Unix
 * socket in a folder only this OS user can enter — PGlite has no passwords, so no TCP port.
 * PGlite runs one session, so the caller must use a pool of exactly one connection.
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const socketDir = path.resolve(dataDir, 'run');
  fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(socketDir, 0o700);
  const socketPath = path.join(socketDir, `.s.PGSQL.${SOCKET_PORT}`);
  fs.rmSync(socketPath, { force: true }); // left over from a process that was killed
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
  await server.start();
  return {
    url: `postgres://postgres@localhost:${SOCKET_PORT}/postgres?host=${encodeURIComponent(socketDir)}`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

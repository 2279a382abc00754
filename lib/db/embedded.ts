import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { freeLoopbackPort } from '@/lib/free-port';

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/**
 * The embedded default (no DATABASE_URL): PGlite (Postgres compiled to WASM) with its data in
 * `<dataDir>/pglite`, served over a loopback socket so the app keeps one driver (postgres.js).
 * PGlite runs one session, so the caller must use a pool of exactly one connection.
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  const port = await freeLoopbackPort();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 1 });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}


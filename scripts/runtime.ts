import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '@/lib/db/embedded';
import { EnvError, getEnv, type Env } from '@/lib/env';

/**
 * Prepares settings for every entry point (serve, demo, db:migrate, db:seed): a generated
 * AUTH_SECRET for local modes, and the embedded database when DATABASE_URL is unset.
 */
export async function prepareRuntime(options: { local: boolean }): Promise<{ env: Env; embedded?: EmbeddedDatabase }> {
  const dataDir = process.env.DATA_DIR || '.data';
  if (options.local && !process.env.AUTH_SECRET) process.env.AUTH_SECRET = localSecret(dataDir);

  let embedded: EmbeddedDatabase | undefined;
  if (!process.env.DATABASE_URL) {
    embedded = await startEmbeddedDatabase(dataDir);
    process.env.DATABASE_URL = embedded.url;
    process.env.DATABASE_POOL_MAX = '1';
  }
  try {
    return { env: getEnv(), embedded };
  } catch (error) {
    await embedded?.stop();
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** demo/dev keep one generated secret in the data dir so sessions survive restarts. */
function localSecret(dataDir: string): string {
  const file = path.resolve(dataDir, 'auth-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

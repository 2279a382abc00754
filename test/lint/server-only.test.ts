import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// A Client Component that imports one of these fails `next build` only while the module imports
// 'server-only' itself; a new domain barrel that forgets it would let the database into a bundle.
const NO_BARREL = ['shared', 'bootstrap'];
const domains = fs
  .readdirSync('lib/services', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !NO_BARREL.includes(entry.name))
  .map((entry) => path.join('lib/services', entry.name, 'index.ts'));

const GUARDED = [
  'lib/db/client.ts',
  'lib/auth/auth.ts',
  'lib/auth/load-context.ts',
  'lib/auth/page-context.ts',
  'lib/auth/request-context.ts',
  'lib/auth/verify-credentials.ts',
  ...domains,
];

describe('server-only guards', () => {
  it.each(GUARDED)('%s imports server-only first', (file) => {
    expect(fs.readFileSync(file, 'utf8').split('\n')[0]).toBe("import 'server-only';");
  });
});

import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // What Next resolves for server code (the `react-server` export): tests run the server modules.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/vitest-global-setup.ts'],
    setupFiles: ['test/vitest-setup.ts'],
    pool: 'forks',
    // next-auth imports `next/server` without an extension; let Vite resolve it.
    server: { deps: { inline: ['next-auth', '@auth/core'] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // What Next resolves for server code (the `react-server` export): tests run the server modules.
      'server-only': path.resolve(import.meta.dirname, 'node_modules/server-only/empty.js'),
      // Server actions and pages translate with next-intl's server build, configured as in next.config.mjs.
      'next-intl/server': path.resolve(import.meta.dirname, 'node_modules/next-intl/dist/esm/production/server.react-server.js'),
      'next-intl/config': path.resolve(import.meta.dirname, 'lib/i18n/request.ts'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'app/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/vitest-global-setup.ts'],
    setupFiles: ['test/vitest-setup.ts'],
    pool: 'forks',
    // next-auth and next-intl import `next/server` / `next/headers` without an extension; let Vite resolve them (and the tests' mocks apply).
    server: { deps: { inline: ['next-auth', '@auth/core', 'next-intl', 'use-intl'] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

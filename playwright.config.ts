import { defineConfig, devices } from '@playwright/test';
import { E2E_BASE_URL, E2E_OCPP_PORT, E2E_PORT } from './e2e/support/settings';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  // Each journey makes its own tenant and data (e2e/support/fixtures.ts), so any order and any split works.
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  // Two workers share the machine's cores, so a page can take longer to render than with one.
  expect: { timeout: 10_000 },
  use: {
    baseURL: E2E_BASE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    // Creates its own database, seeds the demo data and serves the production build.
    command: 'node_modules/.bin/tsx --import ./scripts/node-server-runtime.mjs e2e/support/server.ts',
    url: `${E2E_BASE_URL}/api/health`,
    // WEBHOOK_ALLOW_PRIVATE: the CRM example's webhook receiver listens on 127.0.0.1.
    env: { PORT: String(E2E_PORT), HOSTNAME: '127.0.0.1', OCPP_PORT: String(E2E_OCPP_PORT), WEBHOOK_ALLOW_PRIVATE: 'true' },
    timeout: 180_000,
    // E2E_REUSE_SERVER=1 runs against a server already up on E2E_PORT (started with `tsx --import ./scripts/node-server-runtime.mjs e2e/support/server.ts`).
    reuseExistingServer: Boolean(process.env.E2E_REUSE_SERVER),
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});

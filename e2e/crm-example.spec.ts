import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { E2E_ADMIN_API_KEY, E2E_BASE_URL } from './support/settings';

// The CRM integration example (examples/crm.ts) as a customer would run it, against this server:
// webhook subscription, tenant and location with Idempotency-Keys, the signed location.created
// delivery to its own receiver (the e2e server runs with WEBHOOK_ALLOW_PRIVATE=true), cleanup.
const EXAMPLE_TIMEOUT_MS = 50_000;

function runExample(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'example:crm'], {
      env: { ...process.env, CLM_API_URL: E2E_BASE_URL, CLM_API_KEY: E2E_ADMIN_API_KEY },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\n(killed after ${EXAMPLE_TIMEOUT_MS / 1000} s)`;
      child.kill('SIGKILL');
    }, EXAMPLE_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test('the CRM example (npm run example:crm) runs against the server and exits 0', async () => {
  test.setTimeout(EXAMPLE_TIMEOUT_MS + 10_000);
  const { code, output } = await runExample();
  await test.info().attach('example output', { body: output, contentType: 'text/plain' });
  expect(output).toContain('signature verified');
  expect(code).toBe(0);
});

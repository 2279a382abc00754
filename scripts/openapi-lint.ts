// Writes the generated OpenAPI document to a file and lints it twice, failing on any error
// (warnings are printed): Redocly's recommended rules, then Spectral's OWASP API Security ruleset
// as `.spectral-owasp.yaml` configures it (offline: the ruleset comes from node_modules).
// Also `npm run openapi:lint`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALL_ENDPOINTS } from '@/lib/api';
import { buildOpenApiDocument } from '@/lib/openapi/document';

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clm-openapi-')), 'openapi.json');
fs.writeFileSync(file, JSON.stringify(buildOpenApiDocument(ALL_ENDPOINTS), null, 2));

const redocly = spawnSync('node_modules/.bin/redocly', ['lint', '--extends', 'recommended', file], {
  stdio: 'inherit',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
if (redocly.status !== 0) process.exit(redocly.status ?? 1);

// The document is fed on stdin as `openapi.json` so the ruleset's per-path overrides match it.
const spectral = spawnSync(
  'node_modules/.bin/spectral',
  ['lint', '--ruleset', '.spectral-owasp.yaml', '--stdin-filepath', 'openapi.json', '--fail-severity', 'error', '--display-only-failures'],
  { stdio: [fs.openSync(file, 'r'), 'inherit', 'inherit'] },
);
if (spectral.status === 0) console.log('Spectral OWASP: no errors');
process.exit(spectral.status ?? 1);

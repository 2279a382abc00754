// Writes the generated OpenAPI document to a file and lints it with Redocly's recommended rules;
// any error fails (warnings are printed). Also `npm run openapi:lint`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALL_ENDPOINTS } from '@/lib/api';
import { buildOpenApiDocument } from '@/lib/openapi/document';

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clm-openapi-')), 'openapi.json');
fs.writeFileSync(file, JSON.stringify(buildOpenApiDocument(ALL_ENDPOINTS), null, 2));
const result = spawnSync('node_modules/.bin/redocly', ['lint', '--extends', 'recommended', file], {
  stdio: 'inherit',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
process.exit(result.status ?? 1);

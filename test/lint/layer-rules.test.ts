import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer rules live in eslint.config.mjs; these cases keep a refactor of that file from
// silently dropping one of them. Each snippet is linted as if it sat at `file`.
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'boundaries/dependencies' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('layer boundaries', () => {
  it('a component importing the database client fails with a message naming both layers', async () => {
    const errors = await layerErrors(
      'components/locations/wrong.tsx',
      "import { getDb } from '@/lib/db/client';\nexport const db = getDb;\n",
    );
    expect(errors).toEqual([
      'components/ may not import lib/db/ ("@/lib/db/client"). LAYERS in eslint.config.mjs lists what each folder may import.',
    ]);
  });

  it.each([
    ['components/x/wrong.tsx', "import { getDb } from '../../lib/db/client';", 'relative path into lib/db'],
    ['components/x/wrong.tsx', "import type { User } from '@/lib/services/users';", 'types from lib/services'],
    ['components/x/wrong.tsx', "import { defineAction } from '@/lib/actions/define-action';", 'running lib/actions code'],
    ['components/x/wrong.tsx', "import { getEnv } from '@/lib/env';", 'the server environment'],
    ['app/x/page.tsx', "import { getDb } from '@/lib/db/client';", 'app/ into lib/db'],
    ['app/x/page.tsx', "import { sql } from 'drizzle-orm';", 'app/ using drizzle'],
    ['app/x/page.tsx', "import { scopeCondition } from '@/lib/services/shared/scope';", 'app/ past a service barrel'],
    ['lib/services/x/verb.ts', "import { DataTable } from '@/components/data-table/data-table';", 'services into components/'],
    ['lib/services/x/verb.ts', "import { GET } from '@/app/api/health/route';", 'services into app/'],
    ['lib/db/x.ts', "import { listUsers } from '@/lib/services/users';", 'lib/db into services'],
    ['lib/http/x.ts', "import { getDb } from '@/lib/db/client';", 'lib/http into lib/db'],
    ['lib/http/x.ts', "import { eq } from 'drizzle-orm';", 'lib/http using drizzle'],
    ['lib/auth/x.ts', "import { listUsers } from '@/lib/services/users';", 'lib/auth into services'],
    ['lib/openapi/x.ts', "import { ALL_ENDPOINTS } from '@/lib/api';", 'lib/openapi listing endpoints'],
    ['lib/portal/x.ts', "import { ScrollBox } from '@/components/layout/scroll-box';", 'lib/ into components/'],
    ['lib/schemas/x.ts', "import { fixtures } from '@/test/fixtures';", 'code into test support'],
    ['proxy.ts', "import { auth } from '@/lib/auth/auth';\nimport { getDb } from '@/lib/db/client';", 'the proxy into lib/db'],
    ['app/x/page.tsx', "import { createApiClient } from '@/lib/api-client';", 'the app calling its own REST API'],
    ['components/x/wrong.tsx', "import { createApiClient } from '@/lib/api-client';", 'a component calling the REST API'],
    ['lib/api-client/x.ts', "import { getEnv } from '@/lib/env';", 'the client into the server'],
    ['examples/x.ts', "import { listUsers } from '@/lib/services/users';", 'an example past the REST API'],
  ])('%s: %s is refused (%s)', async (file, line) => {
    expect(await layerErrors(file, `${line}\nexport const used = [];\n`)).toHaveLength(1);
  });

  it.each([
    ['components/x/ok.tsx', "import type { FormAction } from '@/lib/actions/define-action';"],
    ['components/x/ok.tsx', "import type { Permission } from '@/lib/auth/permissions';"],
    ['components/x/ok.tsx', "import type { User } from '@/lib/schemas/user';"],
    ['app/x/page.tsx', "import { listUsers } from '@/lib/services/users';"],
    ['lib/http/x.ts', "import { claimIdempotencyKey } from '@/lib/services/idempotency';"],
    ['lib/services/x/verb.ts', "import { getDb } from '@/lib/db/client';"],
    ['lib/services/x/verb.test.ts', "import { makeUser } from '@/test/fixtures';"],
    ['lib/simulator/x.ts', "import { createApiClient } from '@/lib/api-client';"],
    ['examples/x.ts', "import { createApiClient } from '@/lib/api-client';"],
  ])('%s: %s is allowed', async (file, line) => {
    expect(await layerErrors(file, `${line}\nexport const used = [];\n`)).toEqual([]);
  });
});

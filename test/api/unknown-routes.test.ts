import { beforeAll, describe, expect, it } from 'vitest';
import * as unknownPath from '@/app/api/v2/[[...path]]/route';
import { ALL_ENDPOINTS } from '@/lib/api';
import { makeApiKey } from '@/test/fixtures';
import { call } from './request';

// Every /api/v2 answer is problem+json: for each path of the endpoint list, each method it lacks is
// a 405 naming exactly what the path serves; a path no operation has is a 404, signed in or not.
// (Which route file Next picks for a URL is checked over HTTP in e2e/api-fallbacks.spec.ts.)
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

const served = new Map<string, string[]>();
for (const { definition } of ALL_ENDPOINTS) {
  if (!definition.path.startsWith('/api/v2/')) continue;
  served.set(definition.path, [...(served.get(definition.path) ?? []), definition.method]);
}

/** /api/v2/charge-stations/{id} → the module of app/api/v2/charge-stations/[id]/route.ts */
const routeModule = (path: string) =>
  import(`@/app${path.replace(/\{([^}]+)\}/g, '[$1]')}/route`) as Promise<Record<string, Parameters<typeof call>[0]>>;
const concrete = (path: string) => path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');

const missing = [...served].flatMap(([path, methods]) =>
  METHODS.filter((m) => !methods.includes(m)).map((method) => ({ path, method, methods })),
);

let key: string;
beforeAll(async () => {
  key = (await makeApiKey('cpo_admin', null)).secret;
});

describe('an unsupported method on a known path', () => {
  it('covers every path of the endpoint list', () => {
    expect(served.size).toBeGreaterThan(25);
    expect(missing.length).toBeGreaterThan(80);
  });

  it.each(missing)('$method $path → 405 problem+json with the exact Allow', async ({ path, method, methods }) => {
    const mod = await routeModule(path);
    expect(mod[method], `app${path}/route.ts must export ${method} (otherMethods)`).toBeDefined();
    const allow = [...methods, 'OPTIONS', ...(methods.includes('GET') ? ['HEAD'] : [])].sort().join(', ');
    for (const auth of [{ key }, {}]) {
      const response = await call(mod[method]!, concrete(path), { method, ...auth });
      expect(response.status).toBe(405);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('allow')).toBe(allow);
      expect(response.body).toMatchObject({ status: 405, title: 'Method not allowed', detail: expect.stringContaining(allow) });
    }
    const options = await call(mod.OPTIONS!, concrete(path), { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('allow')).toBe(allow);
  });
});

describe('a path no operation has', () => {
  const paths = ['/api/v2', '/api/v2/nothing', '/api/v2/tariffs/AC/extra', '/api/v2/charge-stations/x/y/z', '/api/v2/a/b/c/d/e/f'];
  const cases = paths.flatMap((path) => [...METHODS, 'OPTIONS' as const].map((method) => ({ path, method })));

  it.each(cases)('$method $path → 404 problem+json, with and without a key', async ({ path, method }) => {
    for (const auth of [{ key }, {}]) {
      const response = await call(unknownPath[method], path, { method, ...auth });
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.body).toMatchObject({ status: 404, title: 'Not found', detail: `No API operation at ${path}.` });
    }
  });
});

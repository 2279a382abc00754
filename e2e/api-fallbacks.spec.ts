import { expect, test } from '@playwright/test';
import { E2E_ADMIN_API_KEY } from './support/settings';

// Over HTTP, through Next's own router: a path no route file serves reaches the catch-all (404
// problem+json, not the portal's HTML page), a method a route file lacks its 405 with Allow, and
// authenticated answers carry RateLimit headers. test/api/unknown-routes.test.ts walks every path.
const auth = { authorization: `Bearer ${E2E_ADMIN_API_KEY}` };

for (const path of ['/api/v2', '/api/v2/nothing', '/api/v2/tariffs/AC/extra', '/api/v2/charge-stations/x/tests/y/z']) {
  test(`GET ${path} answers 404 problem+json`, async ({ request }) => {
    for (const headers of [auth, {}]) {
      const response = await request.get(path, { headers, maxRedirects: 0 });
      expect(response.status()).toBe(404);
      expect(response.headers()['content-type']).toBe('application/problem+json');
      expect(await response.json()).toMatchObject({ status: 404, detail: `No API operation at ${path}.` });
    }
  });
}

test('DELETE /api/v2/tariffs answers 405 problem+json with Allow', async ({ request }) => {
  const response = await request.delete('/api/v2/tariffs', { headers: auth });
  expect(response.status()).toBe(405);
  expect(response.headers()['content-type']).toBe('application/problem+json');
  expect(response.headers()['allow']).toBe('GET, HEAD, OPTIONS, POST');
  const head = await request.head('/api/v2/tariffs', { headers: auth });
  expect(head.status()).toBe(200);
});

test('an authenticated answer carries RateLimit headers; a public one does not', async ({ request }) => {
  const tariffs = await request.get('/api/v2/tariffs', { headers: auth });
  expect(tariffs.status()).toBe(200);
  expect(Number(tariffs.headers()['ratelimit-limit'])).toBeGreaterThan(0);
  expect(Number(tariffs.headers()['ratelimit-remaining'])).toBeLessThan(Number(tariffs.headers()['ratelimit-limit']));
  expect(Number(tariffs.headers()['ratelimit-reset'])).toBeGreaterThan(0);
  const document = await request.get('/api/v2/openapi.json');
  expect(document.headers()['ratelimit-limit']).toBeUndefined();
});

import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { expect, test, unique } from './support/fixtures';
import { cookieAttributes, postSignInForm, setCookies } from './support/form-sign-in';
import { startServerProcess } from './support/server-process';
import { E2E_ADMIN_API_KEY, E2E_BASE_URL } from './support/settings';

// SPEC section 9 on the real server: the security headers on every kind of response, CORS, the
// sign-in page unframeable, foreign-origin server actions refused, session cookie flags, API key
// revocation, and nothing secret in any answer or log line.

const bearer = { authorization: `Bearer ${E2E_ADMIN_API_KEY}` };

/** One path of each kind the brief names; static asset paths are read from the sign-in page. */
async function pathsOfEveryKind(request: APIRequestContext) {
  const login = await (await request.get('/login')).text();
  const script = /\/_next\/static\/[^"]+\.js/.exec(login)?.[0];
  const stylesheet = /\/_next\/static\/[^"]+\.css/.exec(login)?.[0];
  expect(script && stylesheet).toBeTruthy();
  return {
    pages: ['/login', '/', '/locations', '/page-that-does-not-exist'],
    api: ['/api/health', '/api/v2/locations', '/api/v2/openapi.json', '/api/v2/no-such-collection'],
    docs: ['/docs', '/docs/changelog', '/docs/assets/swagger-ui-bundle.js'],
    static: [script!, stylesheet!, '/favicon.ico'],
  };
}

type Check = (value: string | undefined, kind: string) => void;
const HEADER_CHECKS: Record<string, Check> = {
  'content-security-policy': (value, kind) => {
    expect(value).toContain("frame-ancestors 'none'");
    if (kind === 'api') return expect(value).toContain("default-src 'none'");
    const scripts = value?.split('; ').find((d) => d.startsWith('script-src ')) ?? '';
    expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/]+=*'/);
    expect(scripts).not.toContain('unsafe-inline');
    expect(scripts).not.toContain('unsafe-eval');
  },
  'x-frame-options': (value) => expect(value).toBe('DENY'),
  'x-content-type-options': (value) => expect(value).toBe('nosniff'),
  'referrer-policy': (value) => expect(value).toBe('strict-origin-when-cross-origin'),
  'permissions-policy': (value) => {
    for (const off of ['camera=()', 'microphone=()', 'payment=()', 'usb=()']) expect(value).toContain(off);
    expect(value).toContain('geolocation=(self)');
  },
  // Plain http here, and the shared e2e server does not trust X-Forwarded-Proto.
  'strict-transport-security': (value) => expect(value).toBeUndefined(),
};

test.describe('security headers on every kind of response', () => {
  for (const [header, check] of Object.entries(HEADER_CHECKS)) {
    test(`${header} on pages, API, docs and static assets`, async ({ playwright, makeUser }) => {
      const request = await playwright.request.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: bearer });
      const paths = await pathsOfEveryKind(request);
      // A signed-in session, so the portal pages render instead of redirecting.
      expect((await postSignInForm(request, await makeUser('cpo_admin'))).status()).toBe(303);
      for (const [kind, list] of Object.entries(paths)) {
        for (const path of list) {
          const response = await request.get(path, { maxRedirects: 0, headers: { 'x-forwarded-proto': 'https' } });
          expect(response.status(), path).toBeLessThan(500);
          await test.step(`${path} (${response.status()})`, () => check(response.headers()[header], kind === 'api' ? 'api' : 'document'));
        }
      }
      await request.dispose();
    });
  }
});

test('no page breaks its Content-Security-Policy: the console has no violation', async ({ page, makeUser, signIn }) => {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to|Permissions.Policy/i.test(message.text())) messages.push(`${page.url()}: ${message.text()}`);
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
    ),
  );
  await signIn(page, await makeUser('cpo_admin'));
  for (const path of ['/', '/locations', '/locations/new', '/charge-stations', '/installer', '/tariffs', '/audit']) {
    await page.goto(path);
    await expect(page.locator('main').first()).toBeVisible();
  }
  await page.goto('/docs');
  // Swagger UI renders only if its bundle and the inline start-up script ran under the policy.
  await expect(page.getByRole('heading', { name: /Charge Location Management API/ })).toBeVisible();
  await page.goto('/docs/changelog');
  await expect(page.getByRole('heading', { name: 'Versioning policy', exact: true })).toBeVisible();
  expect(messages).toEqual([]);

  // The control: a script injected into the HTML (as stored XSS would be) is blocked, and this check sees it.
  await page.route('**/docs/changelog', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace('</body>', '<script>window.injected = true</script></body>') });
  });
  await page.goto('/docs/changelog');
  await expect.poll(() => messages.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => 'injected' in window)).toBe(false);
});

test('the sign-in page cannot be framed by another site', async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('frame-ancestors')) refused.push(message.text());
  });
  // A page of another origin (localhost, not 127.0.0.1) served from the loopback like the app, so
  // Chrome's private-network rules leave the frame to the CSP.
  const framingSite = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<iframe src="${E2E_BASE_URL}/login"></iframe>`);
  });
  await new Promise<void>((resolve) => framingSite.listen(0, '127.0.0.1', resolve));
  const framing = `http://localhost:${(framingSite.address() as AddressInfo).port}/`;
  const passwordInFrame = page.frameLocator('iframe').locator('input[name="password"]');

  await page.goto(framing);
  await expect.poll(() => refused.length).toBeGreaterThan(0);
  await expect(passwordInFrame).toHaveCount(0);

  // The control: the same page without its two anti-framing headers does load in the frame.
  await page.route(`${E2E_BASE_URL}/login`, async (route) => {
    const response = await route.fetch();
    const { 'content-security-policy': _csp, 'x-frame-options': _xfo, ...headers } = response.headers();
    await route.fulfill({ response, headers });
  });
  await page.goto(framing);
  await expect(passwordInFrame).toBeVisible();
  framingSite.close();
});

test.describe('CORS with CORS_ORIGINS unset', () => {
  test('a preflight from any origin is refused with 403 problem+json and no Access-Control-Allow-Origin', async ({ request }) => {
    const response = await request.fetch('/api/v2/locations', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(response.status()).toBe(403);
    expect(response.headers()['content-type']).toBe('application/problem+json');
    expect(response.headers()['access-control-allow-origin']).toBeUndefined();
    expect(await response.json()).toMatchObject({ status: 403, detail: expect.stringContaining('CORS_ORIGINS') });
  });

  test('an API answer to a foreign origin names no origin and varies by Origin', async ({ request }) => {
    const response = await request.get('/api/v2/locations', { headers: { ...bearer, origin: 'https://evil.example' } });
    expect(response.status()).toBe(200);
    expect(response.headers()['access-control-allow-origin']).toBeUndefined();
    expect(response.headers()['vary']).toContain('Origin');
  });
});

test.describe('server actions and the session cookie', () => {
  test('a sign-in form posted from a foreign origin is refused; the same origin signs in', async ({ playwright, makeTenant, makeUser }) => {
    const user = await makeUser('viewer', await makeTenant());
    const request = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
    const forged = await postSignInForm(request, user, { origin: 'https://evil.example' });
    expect(forged.status()).toBe(403);
    expect(forged.headers()['content-type']).toBe('application/problem+json');
    expect(setCookies(forged)).toEqual([]);

    const signedIn = await postSignInForm(request, user, { origin: E2E_BASE_URL });
    expect(signedIn.status()).toBe(303);
    const session = setCookies(signedIn).find((line) => line.startsWith('authjs.session-token='));
    expect(session).toBeTruthy();
    expect(cookieAttributes(session!)).toMatchObject({ httponly: '', samesite: expect.stringMatching(/^lax$/i), path: '/' });
    // Plain http: a Secure cookie would never come back.
    expect(cookieAttributes(session!)).not.toHaveProperty('secure');
    expect((await request.get('/', { maxRedirects: 0 })).status()).toBe(200);
    await request.dispose();
  });

  test('X-Forwarded-Host from a client does not make a foreign origin pass as this site', async ({ request }) => {
    const forged = await postSignInForm(
      request,
      { email: 'someone@e2e.example', password: 'irrelevant-password' },
      { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' },
    );
    expect(forged.status()).toBe(403);
  });

  test('a JavaScript server action call (Next-Action header) from a foreign origin is refused', async ({ request }) => {
    const form = await (await request.get('/login')).text();
    const actionId = /name="\$ACTION_ID_([0-9a-f]+)"/.exec(form)?.[1];
    const response = await request.post('/login', {
      headers: { origin: 'https://evil.example', 'next-action': actionId!, 'content-type': 'text/plain;charset=UTF-8' },
      data: '[]',
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toMatchObject({ status: 403, title: 'Forbidden' });
  });

  test('the browser’s own server action calls still work (sign-in through the form with JavaScript)', async ({
    page,
    makeTenant,
    makeUser,
    signIn,
  }) => {
    const actions: number[] = [];
    page.on('response', (response) => {
      if (response.request().headers()['next-action']) actions.push(response.status());
    });
    await signIn(page, await makeUser('viewer', await makeTenant()));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((status) => status < 400)).toBe(true);
  });

  test('X-Forwarded-Proto from a client is not believed without TRUST_PROXY: no HSTS, no Secure cookie', async ({
    playwright,
    makeUser,
  }) => {
    const user = await makeUser('viewer', []);
    const request = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
    const response = await postSignInForm(request, user, { 'x-forwarded-proto': 'https' });
    expect(response.status()).toBe(303);
    expect(response.headers()['strict-transport-security']).toBeUndefined();
    const session = setCookies(response).find((line) => line.includes('session-token='));
    expect(session?.startsWith('authjs.session-token=')).toBe(true);
    expect(cookieAttributes(session!)).not.toHaveProperty('secure');
    await request.dispose();
  });
});

test.describe('behind a TLS proxy (TRUST_PROXY=true, CORS_ORIGINS set), with the server log read', () => {
  test.describe.configure({ mode: 'serial' });

  const secrets = {
    AUTH_SECRET: `auth-${randomBytes(24).toString('hex')}`,
    ADMIN_PASSWORD: `admin-pw-${randomBytes(12).toString('hex')}`,
  };
  const admin = { email: `admin-${unique()}@tls.example`, password: secrets.ADMIN_PASSWORD };
  const dashboard = 'https://dashboard.example';
  const viaTls = { 'x-forwarded-proto': 'https' };
  /** Every answer the server gave in this block, to search for secrets at the end. */
  const bodies: { path: string; body: string }[] = [];
  /** Secrets that appear only here: the created key's secret, wrong passwords, a made-up key. */
  const madeHere: string[] = [];
  let server: Awaited<ReturnType<typeof startServerProcess>>;
  let request: APIRequestContext;

  const kept = async (path: string, response: APIResponse) => {
    bodies.push({ path, body: await response.text() });
    return response;
  };

  test.beforeAll(async ({ playwright }) => {
    test.setTimeout(180_000);
    server = await startServerProcess({
      TRUST_PROXY: 'true',
      CORS_ORIGINS: dashboard,
      AUTH_SECRET: secrets.AUTH_SECRET,
      ADMIN_EMAIL: admin.email,
      ADMIN_PASSWORD: admin.password,
    });
    request = await playwright.request.newContext({ baseURL: server.baseURL });
  });

  test.afterAll(async () => {
    await request?.dispose();
    await server?.stop();
  });

  test('HSTS on every kind of response once the proxy says https', async () => {
    const paths = await pathsOfEveryKind(request);
    for (const path of Object.values(paths).flat()) {
      const response = await kept(path, await request.get(path, { headers: viaTls, maxRedirects: 0 }));
      expect(response.headers()['strict-transport-security'], path).toBe('max-age=63072000; includeSubDomains');
    }
    expect((await request.get('/login')).headers()['strict-transport-security']).toBeUndefined();
  });

  test('the session cookie over https is Secure, HttpOnly and SameSite=Lax; a wrong password sets none', async () => {
    const wrong = `wrong-pw-${randomBytes(8).toString('hex')}`;
    madeHere.push(wrong);
    const failed = await kept('/login (wrong password)', await postSignInForm(request, { ...admin, password: wrong }, viaTls));
    expect(failed.status()).toBe(303);
    expect(failed.headers()['location']).toContain('error=invalid');
    expect(setCookies(failed).some((line) => line.includes('session-token='))).toBe(false);

    const response = await kept('/login', await postSignInForm(request, admin, viaTls));
    expect(response.status()).toBe(303);
    const session = setCookies(response).find((line) => line.includes('session-token='));
    expect(session?.startsWith('__Secure-authjs.session-token=')).toBe(true);
    expect(cookieAttributes(session!)).toMatchObject({ secure: '', httponly: '', samesite: expect.stringMatching(/^lax$/i), path: '/' });
    // The browser sends it back only over https; so does this request, by hand.
    const cookie = session!.split(';')[0]!;
    expect((await kept('/', await request.get('/', { headers: { ...viaTls, cookie }, maxRedirects: 0 }))).status()).toBe(200);
  });

  test('a listed origin gets CORS answers and preflights; others do not', async () => {
    const listed = await kept('/api/v2/locations', await request.get('/api/v2/locations', { headers: { ...bearer, origin: dashboard } }));
    expect(listed.headers()['access-control-allow-origin']).toBe(dashboard);
    expect(listed.headers()['access-control-expose-headers']).toContain('RateLimit-Remaining');
    const preflight = await request.fetch('/api/v2/locations', {
      method: 'OPTIONS',
      headers: {
        origin: dashboard,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()).toMatchObject({
      'access-control-allow-origin': dashboard,
      'access-control-allow-methods': expect.stringContaining('PATCH'),
      'access-control-allow-headers': expect.stringContaining('Idempotency-Key'),
      'access-control-max-age': '600',
    });
    const other = await request.get('/api/v2/locations', { headers: { ...bearer, origin: 'https://evil.example' } });
    expect(other.headers()['access-control-allow-origin']).toBeUndefined();
  });

  test('a revoked API key answers 401 on the very next request, however busy it was', async () => {
    const created = await kept(
      '/api/v2/api-keys',
      await request.post('/api/v2/api-keys', {
        headers: bearer,
        data: { name: `revoked ${unique()}`, role: 'cpo_admin', tenant_id: null, expires_at: null },
      }),
    );
    expect(created.status()).toBe(201);
    const { id, key } = (await created.json()) as { id: string; key: string };
    madeHere.push(key);
    const asKey = { authorization: `Bearer ${key}` };
    const warm = await Promise.all(Array.from({ length: 20 }, () => request.get('/api/v2/tenants?limit=1', { headers: asKey })));
    expect(warm.map((r) => r.status())).toEqual(Array(20).fill(200));
    expect((await request.delete(`/api/v2/api-keys/${id}`, { headers: bearer })).status()).toBe(204);
    const after = await kept('/api/v2/tenants (revoked key)', await request.get('/api/v2/tenants?limit=1', { headers: asKey }));
    expect(after.status()).toBe(401);
  });

  test('bad requests answer 4xx problem+json without internals', async () => {
    const madeUpKey = `clm_${randomBytes(30).toString('base64url')}`;
    madeHere.push(madeUpKey);
    const cases: [string, Promise<APIResponse>][] = [
      ['made-up key', request.get('/api/v2/locations', { headers: { authorization: `Bearer ${madeUpKey}` } })],
      ['broken JSON', request.post('/api/v2/locations', { headers: { ...bearer, 'content-type': 'application/json' }, data: '{"name": ' })],
      [
        'invalid body',
        request.post('/api/v2/users', { headers: bearer, data: { email: 'not-an-email', password: secrets.ADMIN_PASSWORD } }),
      ],
      ['bad id', request.get('/api/v2/locations/..%2F..%2Fetc%2Fpasswd', { headers: bearer })],
      ['bad cursor', request.get('/api/v2/locations?cursor=!!!', { headers: bearer })],
    ];
    for (const [name, pending] of cases) {
      const response = await kept(name, await pending);
      expect(response.status(), name).toBeGreaterThanOrEqual(400);
      expect(response.status(), name).toBeLessThan(500);
      expect(response.headers()['content-type'], name).toContain('application/problem+json');
    }
  });

  test('no secret, key, password or stack trace in any answer or log line', async () => {
    const everySecret = [...Object.values(secrets), E2E_ADMIN_API_KEY, ...madeHere];
    expect(madeHere.length).toBeGreaterThanOrEqual(3);
    const log = server.log();
    expect(log).toContain('ready on');
    for (const secret of everySecret) expect(log.includes(secret), `the server log shows ${secret.slice(0, 10)}…`).toBe(false);
    expect(log).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    for (const { path, body } of bodies) {
      // The one answer that shows a key's secret, once, is its creation.
      const allowed = path === '/api/v2/api-keys' ? madeHere : [];
      for (const secret of everySecret.filter((s) => !allowed.includes(s)))
        expect(body.includes(secret), `${path} shows a secret`).toBe(false);
      expect(body, path).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  });
});

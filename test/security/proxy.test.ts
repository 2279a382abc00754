import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CORS_ALLOWED_HEADERS, CORS_EXPOSED_HEADERS } from '@/lib/http/cors';

// proxy.ts called the way Next.js calls it, with the settings it reads at run time.
async function proxyWith(vars: Record<string, string>) {
  vi.unstubAllEnvs();
  vi.resetModules();
  vi.stubEnv('AUTH_SECRET', 'proxy-test-secret-proxy-test-secret-0123');
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return (await import('@/proxy')).default;
}

const request = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(url, { method: init.method ?? 'GET', headers: { host: new URL(url).host, ...init.headers } });

/** The request headers a NextResponse.next() hands on to the page or handler. */
const forwardedHeader = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);

afterEach(() => vi.unstubAllEnvs());

describe('proxy: security headers', () => {
  it('answers every kind of path with the headers, a new nonce each time, handed on to the page', async () => {
    const proxy = await proxyWith({});
    for (const path of [
      '/login',
      '/docs',
      '/docs/changelog',
      '/_next/static/chunks/app.js',
      '/favicon.ico',
      '/api/health',
      '/api/v2/locations',
    ]) {
      const response = await proxy(request(`http://app.example${path}`));
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('permissions-policy'), path).toContain('camera=()');
      expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
    const first = await proxy(request('http://app.example/login'));
    const second = await proxy(request('http://app.example/login'));
    const nonce = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get('content-security-policy') ?? '')?.[1];
    expect(nonce(first)).toBeTruthy();
    expect(nonce(first)).not.toBe(nonce(second));
    expect(forwardedHeader(first, 'x-nonce')).toBe(nonce(first));
    expect(forwardedHeader(first, 'content-security-policy')).toBe(first.headers.get('content-security-policy'));
  });

  it('sends HSTS over https, and for X-Forwarded-Proto: https only with TRUST_PROXY', async () => {
    const https = { headers: { 'x-forwarded-proto': 'https' } };
    const untrusting = await proxyWith({});
    expect((await untrusting(request('https://app.example/login'))).headers.get('strict-transport-security')).toBe(
      'max-age=63072000; includeSubDomains',
    );
    expect((await untrusting(request('http://app.example/login', https))).headers.get('strict-transport-security')).toBeNull();
    const trusting = await proxyWith({ TRUST_PROXY: 'true' });
    expect((await trusting(request('http://app.example/login', https))).headers.get('strict-transport-security')).toBe(
      'max-age=63072000; includeSubDomains',
    );
    expect((await trusting(request('http://app.example/api/v2/locations', https))).headers.get('strict-transport-security')).toBeTruthy();
  });

  it('sends a signed-out visitor of a portal page to the sign-in page, headers included', async () => {
    const proxy = await proxyWith({});
    const response = await proxy(request('http://app.example/locations'));
    expect(response.status).toBe(307);
    expect(new URL(response.headers.get('location') ?? '').pathname).toBe('/login');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('proxy: CORS', () => {
  const listed = 'https://dashboard.example';
  const settings = { CORS_ORIGINS: `${listed}, https://other.example` };

  it('lets a listed origin read API answers, with the headers it needs exposed', async () => {
    const proxy = await proxyWith(settings);
    const response = await proxy(request('http://app.example/api/v2/locations', { headers: { origin: listed } }));
    expect(response.headers.get('access-control-allow-origin')).toBe(listed);
    expect(response.headers.get('access-control-expose-headers')).toBe(CORS_EXPOSED_HEADERS);
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('vary')).toBe('Origin');
    expect(CORS_EXPOSED_HEADERS.split(', ')).toEqual(
      expect.arrayContaining([
        'ETag',
        'Location',
        'RateLimit-Limit',
        'RateLimit-Remaining',
        'RateLimit-Reset',
        'Retry-After',
        'X-Request-Id',
        'Idempotent-Replayed',
      ]),
    );
  });

  it('never names an unlisted origin, and gives no CORS headers outside /api/v2', async () => {
    for (const vars of [{}, settings]) {
      const proxy = await proxyWith(vars);
      const api = await proxy(request('http://app.example/api/v2/locations', { headers: { origin: 'https://evil.example' } }));
      expect(api.headers.get('access-control-allow-origin')).toBeNull();
      expect(api.headers.get('vary')).toBe('Origin');
      const docs = await proxy(request('http://app.example/docs', { headers: { origin: listed } }));
      expect(docs.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('answers a preflight from a listed origin 204 with methods, headers and max-age', async () => {
    const proxy = await proxyWith(settings);
    const preflight = request('http://app.example/api/v2/locations/abc', {
      method: 'OPTIONS',
      headers: { origin: listed, 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization, if-match' },
    });
    const response = await proxy(preflight);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(listed);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, PUT, PATCH, DELETE');
    expect(response.headers.get('access-control-allow-headers')).toBe(CORS_ALLOWED_HEADERS);
    expect(CORS_ALLOWED_HEADERS.split(', ')).toEqual(['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Request-Id']);
    expect(response.headers.get('access-control-max-age')).toBe('600');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses a preflight from an unlisted origin with 403 problem+json and no ACAO', async () => {
    for (const vars of [{}, settings]) {
      const proxy = await proxyWith(vars);
      const response = await proxy(
        request('http://app.example/api/v2/locations', {
          method: 'OPTIONS',
          headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
        }),
      );
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(await response.json()).toMatchObject({ status: 403, title: 'Forbidden', detail: expect.stringContaining('CORS_ORIGINS') });
    }
  });
});

describe('proxy: writes from another origin', () => {
  const post = (path: string, origin: string, headers: Record<string, string> = {}) =>
    request(`http://app.example${path}`, { method: 'POST', headers: { origin, ...headers } });

  it('refuses a server action, a sign-in or an API write from a foreign origin with 403 problem+json', async () => {
    const proxy = await proxyWith({});
    for (const path of ['/login', '/locations/new', '/api/auth/callback/credentials', '/api/v2/locations']) {
      const response = await proxy(post(path, 'https://evil.example', { 'next-action': '7f00' }));
      expect(response.status, path).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('lets the same origin, a listed CORS origin on the API, and clients without Origin through', async () => {
    const proxy = await proxyWith({ CORS_ORIGINS: 'https://dashboard.example' });
    const through = (r: Response) => r.headers.get('x-middleware-next') === '1';
    expect(through(await proxy(post('/login', 'http://app.example')))).toBe(true);
    expect(through(await proxy(request('http://app.example/api/v2/locations', { method: 'POST' })))).toBe(true);
    expect(through(await proxy(post('/api/v2/locations', 'https://dashboard.example')))).toBe(true);
    expect((await proxy(post('/login', 'https://dashboard.example'))).status).toBe(403);
  });

  it('compares with X-Forwarded-Host only behind a trusted proxy', async () => {
    const behindProxy = { host: 'internal:3000', 'x-forwarded-host': 'portal.example' };
    const untrusting = await proxyWith({});
    expect((await untrusting(post('/login', 'https://portal.example', behindProxy))).status).toBe(403);
    const trusting = await proxyWith({ TRUST_PROXY: 'true' });
    expect((await trusting(post('/login', 'https://portal.example', behindProxy))).headers.get('x-middleware-next')).toBe('1');
  });
});

describe('CORS_ORIGINS setting', () => {
  async function envWith(value: string) {
    vi.unstubAllEnvs();
    vi.resetModules();
    vi.stubEnv('CORS_ORIGINS', value);
    return (await import('@/lib/env')).getEnv();
  }

  it('is empty by default and a trimmed list of origins when set', async () => {
    expect((await envWith('')).CORS_ORIGINS).toEqual([]);
    expect((await envWith(' https://a.example , http://localhost:5173,')).CORS_ORIGINS).toEqual([
      'https://a.example',
      'http://localhost:5173',
    ]);
  });

  it('rejects anything that is not an origin, naming it', async () => {
    for (const bad of ['https://a.example/', 'https://a.example/path', 'a.example', 'ftp://a.example', '*']) {
      await expect(envWith(bad), bad).rejects.toThrow(/CORS_ORIGINS\.0: .* is not an origin/);
    }
  });
});

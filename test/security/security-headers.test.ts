import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  createNonce,
  HSTS,
  PERMISSIONS_POLICY,
  securityHeaders,
  servedOverHttps,
  tileSource,
  type SecurityHeaderOptions,
} from '@/lib/http/security-headers';

const page: SecurityHeaderOptions = { nonce: 'bm9uY2U=', kind: 'document', https: false, development: false };
const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('security header policy', () => {
  it('gives a page a nonce CSP without unsafe-inline or unsafe-eval scripts, framing forbidden', () => {
    const csp = directives(contentSecurityPolicy(page));
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it("allows 'unsafe-eval' in development only", () => {
    expect(directives(contentSecurityPolicy({ ...page, development: true })).get('script-src')).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy(page)).not.toContain('unsafe-eval');
  });

  it('lets the basemap tiles in as images, a {s} subdomain as a wildcard', () => {
    const osm = { ...page, mapTileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png' };
    expect(directives(contentSecurityPolicy(osm)).get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://tile.openstreetmap.org']);
    expect(tileSource('https://{s}.tile.example.com:8443/{z}/{x}/{y}.png')).toBe('https://*.tile.example.com:8443');
    expect(tileSource('http://tiles.{s}.example.com/{z}/{x}/{y}.png')).toBe('http://*.example.com');
    expect(directives(contentSecurityPolicy(page)).get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('gives API answers a policy that loads nothing', () => {
    expect(contentSecurityPolicy({ ...page, kind: 'api' })).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
  });

  it('sets every header; HSTS and upgrade-insecure-requests only over https', () => {
    const plain = securityHeaders(page);
    expect(plain).toMatchObject({
      'x-frame-options': 'DENY',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': PERMISSIONS_POLICY,
    });
    expect(plain).not.toHaveProperty('strict-transport-security');
    const secure = securityHeaders({ ...page, https: true });
    expect(secure['strict-transport-security']).toBe(HSTS);
    expect(secure['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
    expect(secure['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('turns off camera, microphone and payment; geolocation for this site only', () => {
    const features = new Map(PERMISSIONS_POLICY.split(', ').map((f) => f.split('=') as [string, string]));
    for (const off of ['camera', 'microphone', 'payment', 'usb']) expect(features.get(off)).toBe('()');
    expect(features.get('geolocation')).toBe('(self)');
  });

  it('believes X-Forwarded-Proto only with TRUST_PROXY', () => {
    const http = new URL('http://app.example/login');
    const forwarded = new Headers({ 'x-forwarded-proto': 'https' });
    expect(servedOverHttps(new URL('https://app.example/'), new Headers(), false)).toBe(true);
    expect(servedOverHttps(http, forwarded, false)).toBe(false);
    expect(servedOverHttps(http, forwarded, true)).toBe(true);
    expect(servedOverHttps(http, new Headers({ 'x-forwarded-proto': 'http' }), true)).toBe(false);
    expect(servedOverHttps(http, new Headers(), true)).toBe(false);
  });

  it('makes a fresh, unguessable nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

/**
 * The security headers every response carries (SPEC section 9), in one place: proxy.ts sets them on
 * every request it sees, which is every path (pages, API, docs, static assets). Pure functions of
 * their inputs, so the policy is unit-tested without a server.
 */

/** What a response's headers depend on. */
export type SecurityHeaderOptions = {
  /** This request's script nonce (document responses). */
  nonce: string;
  /** Pages, docs and assets get the document policy; JSON API answers load nothing at all. */
  kind: 'document' | 'api';
  /** Served over https: only then HSTS (a browser ignores it over http, and a wrong one locks a site out). */
  https: boolean;
  /** `next dev` evaluates code for Fast Refresh: 'unsafe-eval' there and only there. */
  development: boolean;
  /** MAP_TILE_URL: the basemap's tiles are images from that origin. */
  mapTileUrl?: string;
};

/** Browser features the portal never uses are off; the installer view asks for the device's position. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=(self)',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'serial=()',
  'usb=()',
].join(', ');

export const HSTS = 'max-age=63072000; includeSubDomains';

/** 16 random bytes, base64: unguessable per request, and in the character set CSP nonces allow. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The CSP source for a tile URL template's origin. A `{s}` subdomain placeholder becomes a `*.`
 * wildcard (CSP allows one only as the leftmost label).
 */
export function tileSource(mapTileUrl: string): string {
  const [, scheme, host] = /^(https?):\/\/([^/?#]+)/.exec(mapTileUrl) ?? [];
  if (!scheme || !host) return '';
  const labels = host.split('.');
  const lastTemplated = labels.findLastIndex((label) => label.includes('{'));
  return `${scheme}://${lastTemplated < 0 ? host : ['*', ...labels.slice(lastTemplated + 1)].join('.')}`;
}

export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  if (options.kind === 'api') return "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  const tiles = options.mapTileUrl ? tileSource(options.mapTileUrl) : '';
  const directives = [
    "default-src 'self'",
    // Next.js puts the nonce on its own scripts (read from this header on the request); the chunks
    // those load are trusted through 'strict-dynamic'. No 'unsafe-inline' for scripts.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    // Leaflet, React and Swagger UI set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    // frame-ancestors for browsers that predate it.
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': PERMISSIONS_POLICY,
    ...(options.https ? { 'strict-transport-security': HSTS } : {}),
  };
}

/**
 * Whether the client reached us over https. Our own server speaks plain HTTP, so https means a
 * TLS-terminating proxy; its X-Forwarded-Proto counts only with TRUST_PROXY (scripts/serve.ts
 * overwrites the header otherwise, because Next.js builds the request URL from it).
 */
export function servedOverHttps(url: URL, headers: Headers, trustProxy: boolean): boolean {
  if (url.protocol === 'https:') return true;
  return trustProxy && headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https';
}

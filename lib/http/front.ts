import type { Env } from '@/lib/env';
import { corsResponseHeaders, isPreflight, isSameOrigin, preflightResponse, refusedOrigin } from './cors';
import { createNonce, securityHeaders, servedOverHttps } from './security-headers';

/**
 * What stands in front of every request, for proxy.ts and the custom server's /api/v2 dispatcher
 * alike: the headers every answer carries, and the answer given before any page or handler runs
 * (a CORS preflight, a write from a foreign origin).
 */
export type Front = {
  /** Security headers, and CORS on /api/v2: set on whatever answers. */
  headers: Record<string, string>;
  /** The nonce and CSP a page hands on to Next.js. */
  policy: { nonce: string; csp: string };
  kind: 'api' | 'document';
  /** An answer that stops the request here, or null. */
  answer: Response | null;
};

export const isRestApi = (pathname: string) => pathname === '/api/v2' || pathname.startsWith('/api/v2/');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function front(request: Request, url: URL, env: Pick<Env, 'TRUST_PROXY' | 'NODE_ENV' | 'MAP_TILE_URL' | 'CORS_ORIGINS'>): Front {
  const { pathname } = url;
  const nonce = createNonce();
  const kind = isRestApi(pathname) || pathname === '/api/health' ? 'api' : 'document';
  const security = securityHeaders({
    nonce,
    kind,
    https: servedOverHttps(url, request.headers, env.TRUST_PROXY),
    development: env.NODE_ENV === 'development',
    mapTileUrl: env.MAP_TILE_URL,
  });
  const origin = request.headers.get('origin');
  const onApi = isRestApi(pathname);
  const cors = onApi ? corsResponseHeaders(origin, env.CORS_ORIGINS) : {};
  const host = (env.TRUST_PROXY && request.headers.get('x-forwarded-host')?.split(',')[0]?.trim()) || request.headers.get('host');

  let answer: Response | null = null;
  if (onApi && isPreflight(request)) answer = preflightResponse(origin, env.CORS_ORIGINS);
  else if (!SAFE_METHODS.has(request.method) && origin && !isSameOrigin(origin, host) && !(onApi && env.CORS_ORIGINS.includes(origin))) {
    // A browser sends Origin with every write; one from another site is cross-site request
    // forgery (server actions, sign-in, the API with a session cookie) unless CORS_ORIGINS lists it.
    answer = refusedOrigin(origin, 'is not this site, so it may not send this request');
  }
  return { headers: { ...security, ...cors }, policy: { nonce, csp: security['content-security-policy'] ?? '' }, kind, answer };
}

/** Sets the front's headers on an answer (over any the handler set). */
export function withFrontHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

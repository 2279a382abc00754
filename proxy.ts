import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { authConfig } from '@/lib/auth/auth.config';
import { getEnv } from '@/lib/env';
import { corsResponseHeaders, isPreflight, isSameOrigin, preflightResponse, refusedOrigin } from '@/lib/http/cors';
import { createNonce, securityHeaders, servedOverHttps } from '@/lib/http/security-headers';

// In front of every request (no matcher): security headers on every answer, CORS for /api/v2,
// foreign-origin writes refused, and the page gate. The gate is not the security boundary —
// every page, action and API handler resolves its own AuthContext.

const { auth } = NextAuth(authConfig);

/** Portal pages need a session; the API, docs, sign-in page and Next's assets do not. */
const isGatedPage = (pathname: string) => !/^\/(api\/|docs(\/|$)|login(\/|$)|_next\/|favicon\.ico$)/.test(pathname);

const isRestApi = (pathname: string) => pathname === '/api/v2' || pathname.startsWith('/api/v2/');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Policy = { nonce: string; csp: string };

/**
 * Continue to the page or handler. The CSP rides along on the request too: Next.js reads the nonce
 * from it for its own scripts; `x-nonce` is for our handlers' markup (the docs page).
 */
function forward(request: NextRequest, { nonce, csp }: Policy) {
  const forwarded = new Headers(request.headers);
  forwarded.set('content-security-policy', csp);
  forwarded.set('x-nonce', nonce);
  return NextResponse.next({ request: { headers: forwarded } });
}

/** The page gate's answer: the page for a session, the sign-in page otherwise (also if the gate answers nothing). */
async function gate(request: NextRequest, policy: Policy): Promise<Response> {
  const gated = auth((authed) => (authed.auth?.user ? forward(request, policy) : signInRedirect(request)));
  return (await gated(request, { params: Promise.resolve({}) })) ?? signInRedirect(request);
}

const signInRedirect = (request: NextRequest) => {
  const url = request.nextUrl.clone();
  url.pathname = authConfig.pages.signIn;
  url.search = '';
  url.searchParams.set('callbackUrl', request.nextUrl.href);
  return NextResponse.redirect(url);
};

export default async function proxy(request: NextRequest): Promise<Response> {
  const env = getEnv();
  const { pathname } = request.nextUrl;
  const nonce = createNonce();
  const kind = isRestApi(pathname) || pathname === '/api/health' ? 'api' : 'document';
  const headers = securityHeaders({
    nonce,
    kind,
    https: servedOverHttps(request.nextUrl, request.headers, env.TRUST_PROXY),
    development: env.NODE_ENV === 'development',
    mapTileUrl: env.MAP_TILE_URL,
  });
  const policy = { nonce, csp: headers['content-security-policy'] ?? '' };
  const origin = request.headers.get('origin');
  const onApi = isRestApi(pathname);
  const cors = onApi ? corsResponseHeaders(origin, env.CORS_ORIGINS) : {};
  const host = (env.TRUST_PROXY && request.headers.get('x-forwarded-host')?.split(',')[0]?.trim()) || request.headers.get('host');

  let response: Response;
  if (onApi && isPreflight(request)) response = preflightResponse(origin, env.CORS_ORIGINS);
  else if (!SAFE_METHODS.has(request.method) && origin && !isSameOrigin(origin, host) && !(onApi && env.CORS_ORIGINS.includes(origin))) {
    // A browser sends Origin with every write; one from another site is cross-site request
    // forgery (server actions, sign-in, the API with a session cookie) unless CORS_ORIGINS lists it.
    response = refusedOrigin(origin, 'is not this site, so it may not send this request');
  } else if (isGatedPage(pathname)) response = await gate(request, policy);
  // JSON answers render no markup: nothing to hand on.
  else response = kind === 'api' ? NextResponse.next() : forward(request, policy);

  for (const [name, value] of Object.entries({ ...headers, ...cors })) response.headers.set(name, value);
  return response;
}

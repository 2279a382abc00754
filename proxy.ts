import NextAuth from 'next-auth';
import { NextResponse, type NextRequest } from 'next/server';
import { authConfig } from '@/lib/auth/auth.config';
import { getEnv } from '@/lib/env';
import { front, withFrontHeaders } from '@/lib/http/front';

// In front of every request (no matcher): security headers on every answer, CORS for /api/v2,
// foreign-origin writes refused (lib/http/front.ts, which the custom server's /api/v2 dispatcher
// applies too), and the page gate. The gate is not the security boundary —
// every page, action and API handler resolves its own AuthContext.

const { auth } = NextAuth(authConfig);

/** Portal pages need a session; the API, docs, sign-in page and Next's assets do not. */
const isGatedPage = (pathname: string) => !/^\/(api\/|docs(\/|$)|login(\/|$)|_next\/|favicon\.ico$)/.test(pathname);

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
  const { headers, policy, kind, answer } = front(request, request.nextUrl, getEnv());
  let response: Response;
  if (answer) response = answer;
  else if (isGatedPage(request.nextUrl.pathname)) response = await gate(request, policy);
  // JSON answers render no markup: nothing to hand on.
  else response = kind === 'api' ? NextResponse.next() : forward(request, policy);
  return withFrontHeaders(response, headers);
}

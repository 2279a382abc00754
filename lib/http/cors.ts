/**
 * CORS for /api/v2 (SPEC section 9): closed unless CORS_ORIGINS lists the calling origin. No
 * credentials mode: cross-origin callers authenticate with an API key in Authorization, never the
 * portal's session cookie.
 */

/** Response headers a cross-origin script may read. */
export const CORS_EXPOSED_HEADERS = [
  'ETag',
  'Location',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'Retry-After',
  'X-Request-Id',
  'Idempotent-Replayed',
].join(', ');

export const CORS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Request-Id'].join(', ');
export const CORS_ALLOWED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].join(', ');
/** How long a browser may reuse a preflight answer, in seconds. */
export const CORS_MAX_AGE = 600;

/** A CORS preflight: OPTIONS naming the method the real request will use. */
export const isPreflight = (request: Request) => request.method === 'OPTIONS' && request.headers.has('access-control-request-method');

/** The headers that let a listed origin read an answer; none for any other origin. */
export function corsResponseHeaders(origin: string | null, allowedOrigins: readonly string[]): Record<string, string> {
  // The answer differs by Origin whenever CORS is configured, so caches must keep them apart.
  const vary = { vary: 'Origin' };
  if (!origin || !allowedOrigins.includes(origin)) return vary;
  return { ...vary, 'access-control-allow-origin': origin, 'access-control-expose-headers': CORS_EXPOSED_HEADERS };
}

/**
 * The answer to a preflight: 204 with the allowed methods and headers for a listed origin; 403
 * problem+json for any other, so a misconfigured client learns why instead of a silent CORS failure.
 */
export function preflightResponse(origin: string | null, allowedOrigins: readonly string[]): Response {
  if (origin && allowedOrigins.includes(origin)) {
    return new Response(null, {
      status: 204,
      headers: {
        ...corsResponseHeaders(origin, allowedOrigins),
        'access-control-allow-methods': CORS_ALLOWED_METHODS,
        'access-control-allow-headers': CORS_ALLOWED_HEADERS,
        'access-control-max-age': String(CORS_MAX_AGE),
      },
    });
  }
  return refusedOrigin(origin, 'is not listed in CORS_ORIGINS, so it may not call this API from a browser');
}

/** 403 problem+json for a request from an origin that may not make it. */
export function refusedOrigin(origin: string | null, reason: string): Response {
  const problem = {
    type: '/docs#problem-forbidden',
    title: 'Forbidden',
    status: 403,
    detail: `The origin ${(origin ?? 'null').slice(0, 100)} ${reason}.`,
  };
  return new Response(JSON.stringify(problem), { status: 403, headers: { 'content-type': 'application/problem+json', vary: 'Origin' } });
}

/**
 * Whether an Origin names the host the request was sent to, compared by host as Next.js does for
 * server actions: behind a TLS proxy the scheme the browser used differs from ours.
 */
export function isSameOrigin(origin: string, requestHost: string | null): boolean {
  if (!requestHost || !URL.canParse(origin)) return false;
  return new URL(origin).host === requestHost.toLowerCase();
}

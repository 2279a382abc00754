import { randomUUID } from 'node:crypto';
import { AppError } from '@/lib/errors';
import type { Endpoint, HttpMethod } from './endpoint';
import { appErrorResponse, problemResponse } from './problem';

type RouteMethod = HttpMethod | 'OPTIONS';
type Fallback = ((request: Request) => Promise<Response>) & { fallback: true };

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const fallback = (handle: (request: Request) => Response): Fallback =>
  Object.assign(async (request: Request) => handle(request), { fallback: true as const });

/** Whether a route export is one of these fallbacks rather than an API operation. */
export const isRouteFallback = (value: unknown): boolean => typeof value === 'function' && 'fallback' in value;

/** What a path serves, as `Allow` says it: its operations, HEAD with GET (Next answers it from GET) and OPTIONS, sorted. */
export function allowedMethods(methods: readonly string[]): string {
  const allowed = new Set([...methods, 'OPTIONS']);
  if (allowed.has('GET')) allowed.add('HEAD');
  return [...allowed].sort().join(', ');
}

/**
 * The methods a route file does not serve, each a 405 problem+json with `Allow`, plus OPTIONS
 * answering the true `Allow` (Next's own OPTIONS would list these 405 handlers as supported).
 * A route file exports the ones it lacks: `export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET, POST);`
 */
export function otherMethods(...served: Endpoint[]): Record<RouteMethod, Fallback> {
  const allow = allowedMethods(served.map((endpoint) => endpoint.definition.method));
  const notAllowed = fallback((request) =>
    problemResponse(
      {
        type: '/docs#problem-method_not_allowed',
        title: 'Method not allowed',
        status: 405,
        detail: `${request.method} is not supported on ${new URL(request.url).pathname}; it supports ${allow}.`,
      },
      { allow, 'x-request-id': randomUUID() },
    ),
  );
  const handlers = Object.fromEntries(METHODS.map((method) => [method, notAllowed])) as Record<RouteMethod, Fallback>;
  handlers.OPTIONS = fallback(() => new Response(null, { status: 204, headers: { allow } }));
  return handlers;
}

const unknownPath = fallback((request) =>
  appErrorResponse(new AppError('not_found', `No API operation at ${new URL(request.url).pathname}.`), randomUUID()),
);

/** Every method of a path no operation has: 404 problem+json (instead of the portal's HTML page). */
export const unknownApiPath: Record<RouteMethod, Fallback> = {
  GET: unknownPath,
  POST: unknownPath,
  PUT: unknownPath,
  PATCH: unknownPath,
  DELETE: unknownPath,
  OPTIONS: unknownPath,
};

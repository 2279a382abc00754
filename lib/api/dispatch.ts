import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { NextRequest } from 'next/server';
import type { Env } from '@/lib/env';
import type { Endpoint, HttpMethod } from '@/lib/http/endpoint';
import { front, isRestApi, withFrontHeaders } from '@/lib/http/front';
import { internalErrorResponse } from '@/lib/http/problem';
import { otherMethods, unknownApiPath } from '@/lib/http/route-fallbacks';
import { ALL_ENDPOINTS } from '.';

/**
 * /api/v2 served from the custom server (scripts/serve.ts) without Next.js's router: the routing
 * table is the endpoint list the OpenAPI document and the route files come from, each path
 * answering its other methods and OPTIONS as its route file does (otherMethods), and an unknown
 * path as app/api/v2/[[...path]] does. lib/http/front.ts puts the same headers and early answers
 * in front as proxy.ts does. What it does not serve goes to Next.js (see `dispatchable`).
 */
type RouteMethod = HttpMethod | 'OPTIONS';
type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = {
  path: string;
  segments: { literal?: string; param?: string }[];
  methods: Partial<Record<RouteMethod, Handler>>;
  endpoints: Map<string, Endpoint>;
};

const ROUTE_METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** One route per path of the endpoint list: its operations, and otherMethods for the rest. */
export function apiRoutes(endpoints: Endpoint[] = ALL_ENDPOINTS): Route[] {
  const byPath = new Map<string, Endpoint[]>();
  for (const endpoint of endpoints) {
    if (!isRestApi(endpoint.definition.path)) continue;
    byPath.set(endpoint.definition.path, [...(byPath.get(endpoint.definition.path) ?? []), endpoint]);
  }
  return [...byPath].map(([path, served]) => ({
    path,
    segments: path
      .split('/')
      .slice(1)
      .map((segment) => (/^\{(\w+)\}$/.test(segment) ? { param: segment.slice(1, -1) } : { literal: segment })),
    methods: { ...otherMethods(...served), ...Object.fromEntries(served.map((endpoint) => [endpoint.definition.method, endpoint])) },
    endpoints: new Map(served.map((endpoint) => [endpoint.definition.method, endpoint])),
  }));
}

export type RouteMatch = { route: Route; params: Record<string, string> };

/** The route for a path, a literal segment winning over a parameter as in Next.js (`/charge-stations/export`). */
export function matchRoute(routes: Route[], pathname: string): RouteMatch | null {
  const given = pathname.split('/').slice(1);
  let best: { match: RouteMatch; rank: string } | null = null;
  for (const route of routes) {
    if (route.segments.length !== given.length) continue;
    const params: Record<string, string> = {};
    let rank = '';
    const matches = route.segments.every((segment, i) => {
      if (segment.literal !== undefined) return (rank += '1') && segment.literal === given[i];
      rank += '0';
      params[segment.param!] = decodeURIComponent(given[i]!);
      return given[i] !== '';
    });
    if (matches && (!best || rank > best.rank)) best = { match: { route, params }, rank };
  }
  return best?.match ?? null;
}

/**
 * Whether this server answers the request itself: a method a route file exports, on a path
 * Next.js would not redirect (no trailing slash, no empty segment), and — for an operation that
 * authenticates — a Bearer key, since the portal session cookie is read through Next's request
 * context (next/headers).
 */
function handlerFor(
  routes: Route[],
  method: string,
  pathname: string,
  authorization: boolean,
): { handler: Handler; params: Record<string, string> } | null {
  if (!ROUTE_METHODS.has(method) || !isRestApi(pathname) || pathname.endsWith('/') || pathname.includes('//')) return null;
  let match: RouteMatch | null;
  try {
    match = matchRoute(routes, pathname);
  } catch {
    return null; // a malformed %-escape: Next.js answers it
  }
  if (!match) return { handler: unknownApiPath[method as RouteMethod], params: {} };
  const endpoint = match.route.endpoints.get(method);
  if (endpoint && !endpoint.definition.public && !authorization) return null;
  return { handler: match.route.methods[method as RouteMethod]!, params: match.params };
}

const requestHeaders = (req: IncomingMessage) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
};

/** Writes a web Response to Node's response, streaming the body with backpressure; a client gone cancels the body. */
async function send(response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  // Answered before the request body was read to its end (a 413, a refusal before parsing): the
  // rest of that body would be read as the next request on a kept-alive socket, so close it.
  if (!req.complete) res.setHeader('connection', 'close');
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('set-cookie', cookies);
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  if (!response.body) {
    res.end();
    return;
  }
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res);
}

type Settings = Pick<Env, 'TRUST_PROXY' | 'NODE_ENV' | 'MAP_TILE_URL' | 'CORS_ORIGINS'>;

/**
 * The request listener for /api/v2: answers what it can (true), or returns false without touching
 * the request so the caller hands it to Next.js.
 */
export function apiDispatcher(env: Settings, routes: Route[] = apiRoutes()) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const method = req.method ?? 'GET';
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    } catch {
      return false;
    }
    const target = handlerFor(routes, method, url.pathname, Boolean(req.headers.authorization));
    if (!target) return false;
    const aborted = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    const hasBody = method !== 'GET' && method !== 'OPTIONS';
    const request = new NextRequest(url, {
      method,
      headers: requestHeaders(req),
      body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
      signal: aborted.signal,
      // A streamed body needs half duplex in undici; Next's RequestInit type does not name it.
      ...{ duplex: 'half' },
    });
    void (async () => {
      const { headers, answer } = front(request, url, env);
      let response: Response;
      try {
        response = answer ?? (await target.handler(request, { params: Promise.resolve(target.params) }));
      } catch (error) {
        console.error(`${method} ${url.pathname} failed`, error);
        response = internalErrorResponse(crypto.randomUUID());
      }
      await send(withFrontHeaders(response, headers), req, res);
    })().catch(() => {
      // The client went away mid-body: pipeline has destroyed the response and cancelled the body.
    });
    return true;
  };
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as stationRoute from '@/app/api/v2/charge-stations/[id]/route';
import * as unknownRoute from '@/app/api/v2/[[...path]]/route';
import { apiDispatcher, apiRoutes } from '@/lib/api/dispatch';
import { getEnv } from '@/lib/env';
import proxy from '@/proxy';
import { makeApiKey } from '@/test/fixtures';

// The custom server's /api/v2 dispatcher answers as Next.js would (proxy.ts in front of the route
// file): same status, body and headers; and it leaves to Next.js what it cannot serve.
const VOLATILE = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'x-request-id',
  'ratelimit-remaining',
  'ratelimit-reset',
]);
const ID = '00000000-0000-4000-8000-000000000000';

let base: string;
let server: http.Server;
const toNext = vi.fn((_req: http.IncomingMessage, res: http.ServerResponse) => res.writeHead(599).end());
let key: string;

beforeAll(async () => {
  key = (await makeApiKey('cpo_admin', null)).secret;
  const dispatch = apiDispatcher(getEnv());
  server = http.createServer((req, res) => void (dispatch(req, res) || toNext(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

/** proxy.ts, then the route handler, its headers under the proxy's: what Next.js answers. */
async function viaNext(
  handler: (r: NextRequest, c: { params: Promise<Record<string, string>> }) => Promise<Response>,
  path: string,
  init: { method: string; headers: Record<string, string> },
  params: Record<string, string>,
) {
  const request = new NextRequest(`${base}${path}`, {
    ...init,
    headers: { host: new URL(base).host, ...init.headers },
  });
  const front = await proxy(request);
  const response = front.headers.get('x-middleware-next') ? await handler(request, { params: Promise.resolve(params) }) : front;
  for (const [name, value] of front.headers) if (!name.startsWith('x-middleware-')) response.headers.set(name, value);
  return response;
}

const comparable = async (response: Response) => ({
  status: response.status,
  body: await response.text(),
  headers: Object.fromEntries(
    [...response.headers].filter(([name]) => !VOLATILE.has(name)).map(([name, value]) => [name, value.replace(/'nonce-[^']+'/, "'nonce'")]),
  ),
});

describe('the /api/v2 dispatcher', () => {
  it('is the endpoint list, the same handlers the route files export', () => {
    const station = apiRoutes().find((route) => route.path === '/api/v2/charge-stations/{id}')!;
    for (const method of ['GET', 'PUT', 'PATCH', 'DELETE'] as const) expect(station.methods[method]).toBe(stationRoute[method]);
  });

  it.each([
    { path: `/api/v2/charge-stations/${ID}`, method: 'GET', handler: stationRoute.GET, params: { id: ID } },
    { path: `/api/v2/charge-stations/${ID}`, method: 'POST', handler: stationRoute.POST, params: { id: ID } },
    { path: `/api/v2/charge-stations/${ID}`, method: 'OPTIONS', handler: stationRoute.OPTIONS, params: { id: ID } },
    { path: '/api/v2/no-such-thing', method: 'GET', handler: unknownRoute.GET, params: {} as Record<string, string> },
    {
      path: `/api/v2/charge-stations/${ID}`,
      method: 'DELETE',
      handler: stationRoute.DELETE,
      params: { id: ID },
      origin: 'https://evil.example',
    },
    {
      path: `/api/v2/charge-stations/${ID}`,
      method: 'OPTIONS',
      handler: stationRoute.OPTIONS,
      params: { id: ID },
      origin: 'https://evil.example',
      preflight: true,
    },
  ])(
    '$method $path (origin $origin) answers as Next.js does, without Next.js',
    async ({ path, method, handler, params, origin, preflight }) => {
      const headers: Record<string, string> = { authorization: `Bearer ${key}` };
      if (origin) headers.origin = origin;
      if (preflight) headers['access-control-request-method'] = 'GET';
      toNext.mockClear();
      const fast = await comparable(await fetch(`${base}${path}`, { method, headers }));
      expect(toNext).not.toHaveBeenCalled();
      expect(fast).toEqual(await comparable(await viaNext(handler as never, path, { method, headers }, params)));
    },
  );

  it('leaves the session cookie, HEAD and a trailing slash to Next.js', async () => {
    toNext.mockClear();
    await fetch(`${base}/api/v2/charge-stations/${ID}`, { headers: { cookie: 'authjs.session-token=x' } });
    await fetch(`${base}/api/v2/charge-stations/${ID}`, { method: 'HEAD', headers: { authorization: `Bearer ${key}` } });
    await fetch(`${base}/api/v2/charge-stations/`, { headers: { authorization: `Bearer ${key}` } });
    expect(toNext).toHaveBeenCalledTimes(3);
  });
});

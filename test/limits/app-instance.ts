// One app instance for two-instances.test.ts, as a process of its own on the test database: the
// real route handlers of GET /api/v2/tariffs (endpoint wrapper, key lookup, rate limit) and the
// real credentials check of the sign-in form, behind a plain Node HTTP server on 127.0.0.1 — the
// Vitest step runs before `next build`, so Next's router is left out; everything it would call is in.
import http from 'node:http';
import { NextRequest } from 'next/server';

const tariffs = await import('@/app/api/v2/tariffs/route');
const { verifyCredentials } = await import('@/lib/auth/verify-credentials');

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  let body = '';
  for await (const chunk of req) body += chunk;
  if (req.method === 'GET' && url.pathname === '/api/v2/tariffs') {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const response = await tariffs.GET(new NextRequest(url, { headers }), { params: Promise.resolve({}) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(await response.text());
  } else if (req.method === 'POST' && url.pathname === '/sign-in') {
    const { email, password, ip } = JSON.parse(body) as { email: string; password: string; ip: string };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(await verifyCredentials(email, password, ip)));
  } else {
    res.writeHead(404).end();
  }
});
server.listen(0, '127.0.0.1', () => {
  console.log(`app instance listening on ${(server.address() as { port: number }).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));

import { describe, expect, it } from 'vitest';
import { retryingFetch } from '@/examples/support/retrying-fetch';

// The CRM example's retries: what is retried, with the same request, and how long it waits.
type Answer = Response | Error;

function fakeServer(...answers: Answer[]) {
  const received: { method: string; key: string | null; body: string }[] = [];
  const send = async (input: RequestInfo | URL) => {
    const request = input as Request;
    received.push({ method: request.method, key: request.headers.get('idempotency-key'), body: await request.text() });
    const answer = answers.shift() ?? new Response(null, { status: 204 });
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { received, send: send as typeof fetch };
}

const post = (headers: Record<string, string> = {}) =>
  new Request('http://api.test/api/v2/locations', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{"a":1}',
  });
const problem = (status: number, body: object = {}, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify({ status, ...body }), { status, headers: { 'content-type': 'application/problem+json', ...headers } });

describe('retryingFetch', () => {
  it('resends a POST with an Idempotency-Key, same key and body, after network errors and 5xx', async () => {
    const server = fakeServer(new TypeError('fetch failed'), problem(503), new Response('{}', { status: 201 }));
    const response = await retryingFetch({ baseDelayMs: 1, fetch: server.send })(post({ 'idempotency-key': 'k-1' }));
    expect(response.status).toBe(201);
    expect(server.received).toEqual(Array(3).fill({ method: 'POST', key: 'k-1', body: '{"a":1}' }));
  });

  it('waits Retry-After on a 429', async () => {
    const server = fakeServer(problem(429, {}, { 'retry-after': '1' }));
    const started = Date.now();
    await retryingFetch({ baseDelayMs: 1, fetch: server.send })(post({ 'idempotency-key': 'k-2' }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.received).toHaveLength(2);
  });

  it('never resends a POST without an Idempotency-Key', async () => {
    const failing = fakeServer(new TypeError('fetch failed'));
    await expect(retryingFetch({ baseDelayMs: 1, fetch: failing.send })(post())).rejects.toThrow('fetch failed');
    const unavailable = fakeServer(problem(503));
    expect((await retryingFetch({ baseDelayMs: 1, fetch: unavailable.send })(post())).status).toBe(503);
    expect([failing.received, unavailable.received].map((r) => r.length)).toEqual([1, 1]);
  });

  it('retries the 409 of a duplicate in flight, not a clash with an existing object', async () => {
    const inFlight = fakeServer(problem(409), new Response('{}', { status: 201 }));
    expect((await retryingFetch({ baseDelayMs: 1, fetch: inFlight.send })(post({ 'idempotency-key': 'k-3' }))).status).toBe(201);
    const clash = fakeServer(problem(409, { existing_id: 'loc-1' }));
    const response = await retryingFetch({ baseDelayMs: 1, fetch: clash.send })(post({ 'idempotency-key': 'k-4' }));
    expect([response.status, clash.received.length]).toEqual([409, 1]);
  });

  it('gives up after the bounded number of attempts with the last answer', async () => {
    const server = fakeServer(problem(503), problem(502), problem(500), problem(504));
    const response = await retryingFetch({ attempts: 3, baseDelayMs: 1, fetch: server.send })(post({ 'idempotency-key': 'k-5' }));
    expect([response.status, server.received.length]).toEqual([500, 3]);
  });

  it('retries reads and deletes without a key', async () => {
    const server = fakeServer(new TypeError('fetch failed'), problem(503));
    const response = await retryingFetch({ baseDelayMs: 1, fetch: server.send })(
      new Request('http://api.test/api/v2/webhooks/1', { method: 'DELETE' }),
    );
    expect([response.status, server.received.length]).toEqual([204, 3]);
  });
});

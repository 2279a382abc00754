import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ALL_ENDPOINTS } from '@/lib/api';
import { makeApiKey } from '@/test/fixtures';

// Found by `npm run soak`: under overload clients time out while their request waits, and the
// body they stop sending was logged as an internal failure with a stack trace, once per timeout.
describe('a client that goes away while sending its body', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is a 400 problem, not a logged internal error', async () => {
    const { secret } = await makeApiKey('cpo_admin', null);
    const endpoint = ALL_ENDPOINTS.find((e) => e.definition.method === 'POST' && e.definition.path === '/api/v2/locations')!;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"name": "Half'));
      },
      pull(controller) {
        // What Node's HTTP server hands on when the socket closes mid-body.
        controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
      },
    });
    const request = new NextRequest('http://localhost/api/v2/locations', {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body,
      // A streamed body needs half duplex in undici; Next's RequestInit type does not name it.
      ...{ duplex: 'half' },
    });
    const logged = vi.spyOn(console, 'error');

    const response = await endpoint(request, { params: Promise.resolve({}) });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { detail: string }).detail).toMatch(/ended before it was complete/);
    expect(logged).not.toHaveBeenCalled();
  });
});

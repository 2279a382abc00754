import { NextRequest } from 'next/server';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each route declares its own params shape
type Handler = (request: NextRequest, context: { params: Promise<any> }) => Promise<Response>;

/** Calls an App Router handler the way Next.js does, with a Bearer key. */
export async function call(
  handler: Handler,
  url: string,
  init: {
    method?: string;
    key?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
    params?: Record<string, string>;
  } = {},
) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.key) headers.authorization = `Bearer ${init.key}`;
  let body: string | undefined = init.rawBody;
  if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers['content-type'] ??= 'application/json';
  }
  const request = new NextRequest(new URL(url, 'http://localhost'), { method: init.method ?? 'GET', headers, body });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

import { NextRequest } from 'next/server';
import { ALL_ENDPOINTS } from '@/lib/api';
import type { Endpoint } from '@/lib/http/endpoint';
import { signedIn } from '@/test/portal/next-request';

export type ApiAnswer = { status: number; text: string; contentType: string };

/**
 * Calls an operation the way Next.js does: with a Bearer `key`, or as the portal user `userId`
 * with that user's session cookie (the API accepts both).
 */
export async function callEndpoint(
  endpoint: Endpoint,
  {
    key,
    userId,
    params = {},
    query = '',
    body,
    upload,
    headers: extra = {},
  }: {
    key?: string;
    userId?: string;
    params?: Record<string, string>;
    query?: string;
    body?: unknown;
    /** A body sent as is (an import file). */
    upload?: { type: string; text: string };
    headers?: Record<string, string>;
  },
): Promise<ApiAnswer> {
  if (userId) return (await signedIn(userId, () => callEndpoint(endpoint, { params, query, body, upload, headers: extra }))).result;
  const definition = endpoint.definition;
  let path = definition.path;
  for (const [name, value] of Object.entries(params)) path = path.replace(`{${name}}`, encodeURIComponent(value));
  const headers: Record<string, string> = { ...extra, ...(key ? { authorization: `Bearer ${key}` } : {}) };
  if (body !== undefined) headers['content-type'] = definition.body?.mergePatch ? 'application/merge-patch+json' : 'application/json';
  if (upload) headers['content-type'] = upload.type;
  const request = new NextRequest(new URL(`${path}${query ? `?${query}` : ''}`, 'http://localhost'), {
    method: definition.method,
    headers,
    body: upload ? upload.text : body === undefined ? undefined : JSON.stringify(body),
  });
  const response = await endpoint(request, { params: Promise.resolve(params) });
  return { status: response.status, text: await response.text(), contentType: response.headers.get('content-type') ?? '' };
}

export function endpoint(method: string, path: string): Endpoint {
  const found = ALL_ENDPOINTS.find((e) => e.definition.method === method && e.definition.path === path);
  if (!found) throw new Error(`no endpoint ${method} ${path}`);
  return found;
}

/** An answer with the given ids replaced and the per-request id dropped, to compare two answers. */
export function normalised(answer: ApiAnswer, ids: string[]): string {
  let text = answer.text.replace(/"request_id":"[^"]*"/g, '"request_id":"<request>"');
  for (const id of ids) text = text.replaceAll(id, '<id>');
  return `${answer.status} ${text}`;
}

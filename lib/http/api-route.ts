import { randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import type { AuthContext } from '@/lib/auth/context';
import { contextFromRequest } from '@/lib/auth/request-context';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/schemas/parse';
import { appErrorResponse, internalErrorResponse } from './problem';

export type ApiHandlerArgs<P> = { request: NextRequest; ctx: AuthContext; params: P; requestId: string };

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * The one wrapper every /api/v2 handler goes through: request id, authentication (API key or
 * session) into an AuthContext, and the mapping of every failure to problem+json.
 */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(
  handler: (args: ApiHandlerArgs<P>) => Promise<Response>,
) {
  return async (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const given = request.headers.get('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    try {
      const ctx = await contextFromRequest(request, requestId);
      const response = await handler({ request, ctx, params: await context.params, requestId });
      response.headers.set('x-request-id', requestId);
      return response;
    } catch (error) {
      if (error instanceof AppError) return appErrorResponse(error, requestId);
      console.error(`[${requestId}] ${request.method} ${request.nextUrl.pathname} failed`, error);
      return internalErrorResponse(requestId);
    }
  };
}

/** Query parameters validated by `schema`; anything invalid is a 400 listing each parameter. */
export function parseQuery<T extends z.ZodType>(schema: T, request: NextRequest): z.output<T> {
  return parseOrThrow(schema, Object.fromEntries(request.nextUrl.searchParams), 'bad_request');
}

/** The version an `If-Match` header demands, if any. A malformed value can match nothing. */
export function ifMatchVersion(request: Request): number | undefined {
  const header = request.headers.get('if-match');
  if (!header) return undefined;
  const match = /^"(\d+)"$/.exec(header.trim());
  return match ? Number(match[1]) : -1;
}

type Versioned = { id: string; version: number };

/** A single resource with its strong ETag; `created` adds 201 + Location. */
export function resourceResponse(resource: Versioned, options: { created?: string } = {}): Response {
  const headers: Record<string, string> = { etag: `"${resource.version}"` };
  if (options.created) headers.location = `/api/v2/${options.created}/${resource.id}`;
  return Response.json(resource, { status: options.created ? 201 : 200, headers });
}

import { randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import type { z } from 'zod';
import type { AuthContext } from '@/lib/auth/context';
import { actorRef } from '@/lib/auth/context';
import { contextFromRequest } from '@/lib/auth/request-context';
import { AppError } from '@/lib/errors';
import { parseOrThrow } from '@/lib/schemas/parse';
import { retryOnce, unavailableError } from '@/lib/services/faults';
import { readJsonObject } from './body';
import { claimIdempotencyKey, completeIdempotencyKey, hashBody, type Scope } from './idempotency';
import { appErrorResponse, internalErrorResponse } from './problem';
import { rateLimitMeter, type RateLimitMeter } from './rate-limit';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type AnyObject = z.ZodType<Record<string, unknown>>;

/**
 * One API operation: what the OpenAPI document says about it and the code that serves it, from
 * the same zod schemas. `lib/openapi` turns every definition into the document.
 */
export type EndpointDefinition<P, Q, B> = {
  method: HttpMethod;
  /** OpenAPI path, e.g. `/api/v2/locations/{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** No authentication, no rate limit (`security: []`). */
  public?: boolean;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  /**
   * `validate: true` parses the body with `schema` (422 on failure); `false` hands the JSON object
   * to the service, which validates it after merging (PATCH) — `schema` then only documents it.
   */
  body?: {
    schema: z.ZodType<B>;
    validate: boolean;
    example: unknown;
    mergePatch?: boolean;
    /** The body may be left out (no Content-Type, no content): the handler then gets `{}`. */
    optional?: boolean;
  };
  /** A body the handler streams itself (an import file): documented here, read from `request`. */
  upload?: { description: string; media: Record<string, { schema: z.ZodType; example: string }> };
  success: {
    status: 200 | 201 | 202 | 204;
    description: string;
    schema?: z.ZodType;
    /** Response headers the success sets. */
    headers?: ('ETag' | 'Location')[];
    /** Alternative media types (exports). */
    media?: Record<string, z.ZodType>;
  };
  /** Honours If-Match (default: PUT, PATCH and DELETE on one object); the handler gets it as `expectedVersion`. */
  ifMatch?: boolean;
  /** Statuses beyond those every operation of its kind can answer (see lib/openapi). */
  errors?: number[];
  /**
   * Response fields shown only once (secrets). They are never stored for Idempotency-Key replays:
   * a replay answers them as null, and the client must create a new object to get a new secret.
   */
  secretFields?: string[];
  handler: (args: HandlerArgs<P, Q, B>) => Promise<Response>;
};

export type HandlerArgs<P, Q, B> = {
  request: NextRequest;
  ctx: AuthContext;
  params: P;
  query: Q;
  body: B;
  requestId: string;
  /** The version If-Match demands (undefined: any); parsed only where the operation honours If-Match. */
  expectedVersion: number | undefined;
};

export type Endpoint = ((request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>) & {
  definition: EndpointDefinition<unknown, unknown, unknown>;
};

const REQUEST_ID = /^[\w.:-]{1,128}$/;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The one wrapper every /api/v2 operation goes through. */
export function defineEndpoint<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  definition: EndpointDefinition<P, Q, B>,
): Endpoint {
  const serve = async (request: NextRequest, context: { params: Promise<Record<string, string>> }, meter: RateLimitMeter) => {
    const given = request.headers.get('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    let idempotency: Scope | undefined;
    try {
      // A dropped database connection is retried once where that cannot apply anything twice.
      const ctx = definition.public ? publicContext(requestId) : await retryOnce(() => contextFromRequest(request, requestId), 'reads');
      if (!definition.public) await meter.consume(ctx);
      const params = (definition.params ? parseOrThrow(definition.params, await context.params, 'bad_request') : {}) as P;
      const query = (
        definition.query ? parseOrThrow(definition.query, Object.fromEntries(request.nextUrl.searchParams), 'bad_request') : {}
      ) as Q;
      let body = undefined as B;
      let rawBody = '';
      if (definition.body) {
        const object = definition.body.optional && sentNoBody(request) ? {} : await readJsonObject(request);
        // Canonical form: the same JSON sent with other spacing is the same request.
        rawBody = JSON.stringify(object);
        body = (definition.body.validate ? parseOrThrow(definition.body.schema as AnyObject, object) : object) as B;
      }

      const key = request.headers.get('idempotency-key');
      if (key !== null && definition.method === 'POST') {
        if (!IDEMPOTENCY_KEY.test(key)) {
          throw new AppError('bad_request', 'Idempotency-Key must be 1–255 printable ASCII characters.');
        }
        idempotency = { caller: actorRef(ctx.actor), method: definition.method, path: request.nextUrl.pathname, key };
        const replay = await claimIdempotencyKey(idempotency, hashBody(rawBody));
        if (replay) {
          idempotency = undefined;
          return new Response(JSON.stringify(replay.body), {
            status: replay.status,
            headers: { ...replay.headers, 'idempotent-replayed': 'true', 'x-request-id': requestId },
          });
        }
      }

      const expectedVersion = honoursIfMatch(definition) ? ifMatchVersion(request) : undefined;
      const response = await retryOnce(
        () => definition.handler({ request, ctx, params, query, body, requestId, expectedVersion }),
        definition.method === 'GET' ? 'reads' : 'writes',
      );
      response.headers.set('x-request-id', requestId);
      // The change is committed: a fault while storing the replay must not turn it into a 503 (the
      // client would send it again); the claim is then taken for abandoned after a minute.
      if (idempotency) {
        await completeIdempotencyKey(idempotency, await storable(response, definition.secretFields)).catch((error) => {
          if (!unavailableError(error)) throw error;
        });
      }
      return response;
    } catch (thrown) {
      // A database fault (unreachable, timeout, conflict) is a 503 with Retry-After, never a 500.
      const error = unavailableError(thrown) ?? thrown;
      if (error !== thrown) logFault(thrown, request, requestId);
      const response = error instanceof AppError ? appErrorResponse(error, requestId) : logAndHide(error, request, requestId);
      if (idempotency) await completeIdempotencyKey(idempotency, await storable(response)).catch(() => {});
      return response;
    }
  };
  // Every answer to an authenticated caller, success or problem, carries its RateLimit-* headers.
  const respond = async (request: NextRequest, context: { params: Promise<Record<string, string>> }) => {
    const meter = rateLimitMeter();
    return meter.stamp(await serve(request, context, meter));
  };
  return Object.assign(respond, { definition: definition as EndpointDefinition<unknown, unknown, unknown> });
}

/** No Content-Type and no content (HTTP/1.1 sends a body only with a Content-Length or Transfer-Encoding). */
const sentNoBody = (request: Request) =>
  !request.headers.get('content-type') &&
  (request.body === null || (!request.headers.get('transfer-encoding') && (request.headers.get('content-length') ?? '0') === '0'));

function logFault(error: unknown, request: NextRequest, requestId: string): void {
  const { code } = (error instanceof Error && error.cause instanceof Error ? error.cause : error) as { code?: string };
  console.warn(`[${requestId}] ${request.method} ${request.nextUrl.pathname} answered 503: database fault ${code ?? ''}`);
}

function logAndHide(error: unknown, request: NextRequest, requestId: string): Response {
  console.error(`[${requestId}] ${request.method} ${request.nextUrl.pathname} failed`, error);
  return internalErrorResponse(requestId);
}

const publicContext = (requestId: string): AuthContext => ({
  actor: { kind: 'system' },
  cpoWide: null,
  tenants: new Map(),
  pool: null,
  requestId,
});

const REPLAYED_HEADERS = ['content-type', 'location', 'etag', 'retry-after'];

async function storable(response: Response, secretFields: string[] = []) {
  const text = await response.clone().text();
  const body = text ? JSON.parse(text) : null;
  if (body && typeof body === 'object') for (const field of secretFields) if (field in body) body[field] = null;
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers[name] = value;
  }
  return { status: response.status, body, headers };
}

/** Whether an operation honours If-Match: PUT, PATCH and DELETE on one object unless it says otherwise. */
export function honoursIfMatch(definition: Pick<EndpointDefinition<unknown, unknown, unknown>, 'ifMatch' | 'method' | 'path'>): boolean {
  return definition.ifMatch ?? (['PUT', 'PATCH', 'DELETE'].includes(definition.method) && definition.path.includes('{'));
}

/**
 * The version an `If-Match` header demands: undefined when absent or `*` (any current version),
 * else the number in `"<version>"`. Anything else (weak or unknown tags) can match nothing.
 */
function ifMatchVersion(request: Request): number | undefined {
  const header = request.headers.get('if-match')?.trim();
  if (!header || header === '*') return undefined;
  const match = /^"(\d+)"$/.exec(header);
  return match ? Number(match[1]) : -1;
}

type Versioned = { id: string; version: number };

/** A single resource with its strong ETag; `created` adds 201 + Location; `status` e.g. 202. */
export function resourceResponse(resource: Versioned, options: { created?: string; status?: number } = {}): Response {
  const headers: Record<string, string> = { etag: `"${resource.version}"` };
  if (options.created) headers.location = `/api/v2/${options.created}/${resource.id}`;
  return Response.json(resource, { status: options.created ? 201 : (options.status ?? 200), headers });
}

export const noContent = () => new Response(null, { status: 204 });

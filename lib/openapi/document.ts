import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { honoursIfMatch, type Endpoint } from '@/lib/http/endpoint';
import { problemSchema } from '@/lib/schemas/problem';
import { API_VERSION } from './version';

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Unparsable JSON, a body that is not an object, or an invalid query parameter',
  401: 'Missing, invalid, revoked or expired API key',
  403: 'The caller lacks the permission for this action',
  404: 'No such object, or outside the caller’s scope',
  409: 'Conflicts with an existing object or a request in flight',
  412: 'If-Match does not match the current version; nothing changed',
  413: 'Body larger than 1 MiB',
  415: 'Wrong Content-Type',
  422: 'The body failed validation; every offending path is listed',
  429: 'Rate limit exceeded; retry after Retry-After seconds',
  500: 'Unexpected failure; the body carries only a request id',
  503: 'The database is unreachable or timed out; retry after Retry-After seconds',
};

/** The statuses every operation of a kind can answer, plus its own extras. */
function errorStatuses(endpoint: Endpoint['definition']): number[] {
  const statuses = new Set<number>([500, 503, ...(endpoint.errors ?? [])]);
  if (!endpoint.public) [401, 403, 429].forEach((s) => statuses.add(s));
  if (endpoint.query || endpoint.body) statuses.add(400);
  if (endpoint.path.includes('{')) statuses.add(404);
  if (endpoint.body || endpoint.upload) [413, 415, 422].forEach((s) => statuses.add(s));
  if (endpoint.upload) statuses.add(400);
  if (honoursIfMatch(endpoint)) statuses.add(412);
  if (endpoint.method === 'POST' && !endpoint.public) statuses.add(409);
  return [...statuses].sort();
}

const seconds = { type: 'integer', format: 'int32', minimum: 0, maximum: 86_400 } as const;

/** Response headers, declared once under components.headers and referenced by each response. */
const HEADERS = {
  'RateLimit-Limit': {
    description: 'Requests the calling API key may make per minute (RATE_LIMIT_PER_MINUTE). Not on 401: no key was identified',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 2 ** 31 - 1 },
  },
  'RateLimit-Remaining': {
    description: 'Requests left to the calling API key in the current window. Not on 401',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 2 ** 31 - 1 },
  },
  'RateLimit-Reset': { description: 'Seconds until the window resets and the quota is whole again. Not on 401', schema: seconds },
  'Retry-After': { description: 'Seconds to wait before retrying', schema: seconds },
  'Access-Control-Allow-Origin': {
    description: 'CORS is closed unless CORS_ORIGINS lists origins: only then, and only to a listed Origin, this echoes that origin',
    schema: { type: 'string', format: 'uri', maxLength: 2048 },
  },
  ETag: {
    description: 'Strong entity tag of the returned version, e.g. "3"; send it back as If-Match',
    schema: { type: 'string', pattern: '^"[0-9]+"$', maxLength: 12 },
  },
  Location: { description: 'Path of the created resource', schema: { type: 'string', format: 'uri-reference', maxLength: 2048 } },
  'WWW-Authenticate': { description: 'The authentication scheme to use', schema: { type: 'string', enum: ['Bearer'] as string[] } },
} as const;
type HeaderName = keyof typeof HEADERS;

const RATE_LIMIT_HEADERS: HeaderName[] = ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'];

/** The headers one response of an operation carries, as references to components.headers. */
function responseHeaders(endpoint: Endpoint['definition'], status: number, own: HeaderName[] = []): Record<string, { $ref: string }> {
  const names: HeaderName[] = ['Access-Control-Allow-Origin', ...own];
  // Answers of authenticated operations carry the caller's limit (SPEC 9); a 401 names them too, as
  // the OWASP rules want every 4xx to, and their descriptions say it has none (no key to count).
  if (!endpoint.public && status < 500) names.push(...RATE_LIMIT_HEADERS);
  if (status === 429 || status === 503) names.push('Retry-After');
  if (status === 401) names.push('WWW-Authenticate');
  return Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));
}

/** Request headers the wrapper reads itself (lib/http/endpoint.ts), not through a zod schema. */
function requestHeaders(endpoint: Endpoint['definition']): z.ZodObject | undefined {
  const headers: Record<string, z.ZodType> = {};
  if (endpoint.method === 'POST' && !endpoint.public) {
    headers['Idempotency-Key'] = z
      .string()
      .max(255)
      .regex(/^[\x21-\x7e]{1,255}$/)
      .optional()
      .describe('Makes a retry safe: the same key and body within 24 h return the original response. 1–255 printable ASCII');
  }
  if (honoursIfMatch(endpoint)) {
    headers['If-Match'] = z
      .string()
      .max(64)
      .regex(/^(\*|"[0-9]+")$/)
      .optional()
      .describe('The ETag last read, or `*`; a stale or malformed one answers 412');
  }
  return Object.keys(headers).length ? z.object(headers) : undefined;
}

function routeConfig(endpoint: Endpoint['definition']): RouteConfig {
  const { success } = endpoint;
  const successContent = success.schema
    ? { 'application/json': { schema: success.schema } }
    : success.media
      ? Object.fromEntries(Object.entries(success.media).map(([type, schema]) => [type, { schema }]))
      : undefined;
  const responses: RouteConfig['responses'] = {
    [success.status]: {
      description: success.description,
      ...(successContent ? { content: successContent } : {}),
      headers: responseHeaders(endpoint, success.status, success.headers),
    },
  };
  for (const status of errorStatuses(endpoint)) {
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status] ?? 'Error',
      content: { 'application/problem+json': { schema: problemSchema } },
      headers: responseHeaders(endpoint, status),
    };
  }
  const headers = requestHeaders(endpoint);
  const bodyTypes = endpoint.body?.mergePatch ? ['application/merge-patch+json', 'application/json'] : ['application/json'];
  return {
    method: endpoint.method.toLowerCase() as RouteConfig['method'],
    path: endpoint.path,
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    tags: [endpoint.tag],
    ...(endpoint.public ? { security: [] } : {}),
    request: {
      ...(endpoint.params ? { params: endpoint.params as z.ZodObject } : {}),
      ...(endpoint.query ? { query: endpoint.query as z.ZodObject } : {}),
      ...(headers ? { headers } : {}),
      ...(endpoint.body
        ? {
            body: {
              required: !endpoint.body.optional,
              content: Object.fromEntries(
                bodyTypes.map((type) => [type, { schema: endpoint.body!.schema, example: endpoint.body!.example }]),
              ),
            },
          }
        : {}),
      ...(endpoint.upload
        ? {
            body: {
              required: true,
              description: endpoint.upload.description,
              content: Object.fromEntries(
                Object.entries(endpoint.upload.media).map(([type, { schema, example }]) => [type, { schema, example }]),
              ),
            },
          }
        : {}),
    },
    responses,
  };
}

/** The OpenAPI 3.1 document of the given operations, generated from their zod schemas. */
export function buildOpenApiDocument(endpoints: Endpoint[]) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key: `Authorization: Bearer <key>`. The portal session cookie is accepted too.',
  });
  for (const [name, header] of Object.entries(HEADERS)) registry.registerComponent('headers', name, header);
  for (const endpoint of endpoints) registry.registerPath(routeConfig(endpoint.definition));
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Charge Location Management API',
      version: API_VERSION,
      description:
        'Manage charging Locations and Charge Stations of a charge point operator. Versioning policy and changes: /docs/changelog.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    // The API is served on the internet to customers' integrations, not only inside the operator's network.
    servers: [{ url: '/', description: 'The deployment serving this document (production, staging or local)', 'x-internal': false }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(endpoints.map((e) => e.definition.tag))].map((name) => ({ name, description: `${name} operations` })),
  });
  return document;
}

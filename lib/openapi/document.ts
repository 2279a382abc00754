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
  429: 'Rate limit exceeded',
  500: 'Unexpected failure; the body carries only a request id',
  503: 'The database is unreachable or timed out; retry after Retry-After seconds',
};

/** The statuses every operation of a kind can answer, plus its own extras. */
function errorStatuses(endpoint: Endpoint['definition']): number[] {
  const statuses = new Set<number>([500, 503, ...(endpoint.errors ?? [])]);
  if (!endpoint.public) [401, 403, 429].forEach((s) => statuses.add(s));
  if (endpoint.query || endpoint.body) statuses.add(400);
  if (endpoint.path.includes('{')) statuses.add(404);
  if (endpoint.body) [413, 415, 422].forEach((s) => statuses.add(s));
  if (honoursIfMatch(endpoint)) statuses.add(412);
  if (endpoint.method === 'POST' && !endpoint.public) statuses.add(409);
  return [...statuses].sort();
}

const header = (description: string) => ({ description, schema: { type: 'string' as const } });
const RESPONSE_HEADERS = {
  ETag: header('Strong entity tag of the returned version, e.g. "3"; send it back as If-Match'),
  Location: header('Path of the created resource'),
};

function routeConfig(endpoint: Endpoint['definition']): RouteConfig {
  const { success } = endpoint;
  const requestHeaders: Record<string, z.ZodType> = {};
  if (endpoint.method === 'POST' && !endpoint.public) {
    requestHeaders['Idempotency-Key'] = z
      .string()
      .optional()
      .describe('Makes a retry safe: the same key and body within 24 h return the original response');
  }
  if (honoursIfMatch(endpoint)) {
    requestHeaders['If-Match'] = z.string().optional().describe('The ETag last read; a stale one answers 412');
  }
  const successContent = success.schema
    ? { 'application/json': { schema: success.schema } }
    : success.media
      ? Object.fromEntries(Object.entries(success.media).map(([type, schema]) => [type, { schema }]))
      : undefined;
  const responses: RouteConfig['responses'] = {
    [success.status]: {
      description: success.description,
      ...(successContent ? { content: successContent } : {}),
      ...(success.headers?.length ? { headers: Object.fromEntries(success.headers.map((h) => [h, RESPONSE_HEADERS[h]])) } : {}),
    },
  };
  for (const status of errorStatuses(endpoint)) {
    responses[status] = {
      description: ERROR_DESCRIPTIONS[status] ?? 'Error',
      content: { 'application/problem+json': { schema: problemSchema } },
      ...(status === 429 || status === 503 ? { headers: { 'Retry-After': header('Seconds to wait before retrying') } } : {}),
      ...(status === 401 ? { headers: { 'WWW-Authenticate': header('Always `Bearer`') } } : {}),
    };
  }
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
      ...(Object.keys(requestHeaders).length ? { headers: z.object(requestHeaders) } : {}),
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
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    tags: [...new Set(endpoints.map((e) => e.definition.tag))].map((name) => ({ name, description: `${name} operations` })),
  });
  return document;
}

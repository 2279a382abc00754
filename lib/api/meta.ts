import { z } from 'zod';
import { defineEndpoint } from '@/lib/http/endpoint';
import { checkHealth } from '@/lib/services/health';

const tag = 'Meta';

export const healthEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/health',
  operationId: 'getHealth',
  summary: 'Health check',
  description: '200 once migrations and bootstrap are done and the database answers; 503 otherwise.',
  tag,
  public: true,
  success: { status: 200, description: 'Ready', schema: z.object({ status: z.literal('ok') }).meta({ id: 'Health' }) },
  errors: [503],
  handler: async () => {
    const health = await checkHealth();
    if (health.ok) return Response.json({ status: 'ok' });
    return Response.json(
      { type: '/docs#problem-unavailable', title: 'Service unavailable', status: 503, detail: health.detail },
      { status: 503, headers: { 'content-type': 'application/problem+json' } },
    );
  },
});

export const openApiEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/openapi.json',
  operationId: 'getOpenApiDocument',
  summary: 'This OpenAPI document',
  tag,
  public: true,
  success: { status: 200, description: 'OpenAPI 3.1 document', schema: z.record(z.string(), z.unknown()).meta({ id: 'OpenApiDocument' }) },
  handler: async () => {
    // Imported lazily: the document module imports every endpoint, including this one.
    const { openApiDocument } = await import('@/lib/openapi/cached-document');
    return Response.json(openApiDocument());
  },
});

export const metaEndpoints = [healthEndpoint, openApiEndpoint];

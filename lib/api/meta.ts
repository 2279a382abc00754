import { z } from 'zod';
import { defineEndpoint } from '@/lib/http/endpoint';
import { checkHealth } from '@/lib/services/health';

export const META_TAG = 'Meta';

export const healthEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/health',
  operationId: 'getHealth',
  summary: 'Health check',
  description: '200 once migrations and bootstrap are done and the database answers; 503 otherwise.',
  tag: META_TAG,
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

export const metaEndpoints = [healthEndpoint];

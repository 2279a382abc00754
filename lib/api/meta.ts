import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { defineEndpoint } from '@/lib/http/endpoint';
import { checkHealth } from '@/lib/services/health';

export const META_TAG = 'Meta';

/** A load balancer polling health may look again this soon. */
const HEALTH_RETRY_AFTER_SECONDS = 2;

export const healthEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/health',
  operationId: 'getHealth',
  summary: 'Health check',
  description: '200 once migrations and bootstrap are done and the database answers; 503 otherwise.',
  tag: META_TAG,
  public: true,
  success: { status: 200, description: 'Ready', schema: z.object({ status: z.literal('ok') }).meta({ id: 'Health' }) },
  handler: async () => {
    const health = await checkHealth();
    if (!health.ok) throw new AppError('service_unavailable', health.detail, { retryAfter: HEALTH_RETRY_AFTER_SECONDS });
    return Response.json({ status: 'ok' });
  },
});

export const metaEndpoints = [healthEndpoint];

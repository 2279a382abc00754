import { checkHealth } from '@/lib/services/health';

// GET /api/health — public: 200 once migrations and bootstrap ran and the database answers
export async function GET(): Promise<Response> {
  const health = await checkHealth();
  if (health.ok) return Response.json({ status: 'ok' });
  return Response.json(
    { type: '/docs#problem-unavailable', title: 'Service unavailable', status: 503, detail: health.detail },
    { status: 503, headers: { 'content-type': 'application/problem+json' } },
  );
}

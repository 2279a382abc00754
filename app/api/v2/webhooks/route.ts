import { createWebhookEndpoint, listWebhooksEndpoint } from '@/lib/api/webhooks';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/webhooks — list webhook subscriptions
export const GET = listWebhooksEndpoint;
// POST /api/v2/webhooks — subscribe (secret shown once)
export const POST = createWebhookEndpoint;
// Any other method — 405 problem+json with Allow
export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET, POST);

import { testWebhookEndpoint } from '@/lib/api/webhooks';
import { otherMethods } from '@/lib/http/route-fallbacks';

// POST /api/v2/webhooks/{id}/test — send a test event
export const POST = testWebhookEndpoint;
// Any other method — 405 problem+json with Allow
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(POST);

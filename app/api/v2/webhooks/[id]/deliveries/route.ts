import { listWebhookDeliveriesEndpoint } from '@/lib/api/webhooks';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/webhooks/{id}/deliveries — the delivery log
export const GET = listWebhookDeliveriesEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(GET);

import { retryWebhookDeliveryEndpoint } from '@/lib/api/webhooks';
import { otherMethods } from '@/lib/http/route-fallbacks';

// POST /api/v2/webhooks/{id}/deliveries/{delivery_id}/retry — send a delivery again
export const POST = retryWebhookDeliveryEndpoint;
// Any other method — 405 problem+json with Allow
export const { GET, PUT, PATCH, DELETE, OPTIONS } = otherMethods(POST);

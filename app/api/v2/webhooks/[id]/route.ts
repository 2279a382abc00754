import { deleteWebhookEndpoint, getWebhookEndpoint, patchWebhookEndpoint } from '@/lib/api/webhooks';
import { otherMethods } from '@/lib/http/route-fallbacks';

// GET /api/v2/webhooks/{id} — one subscription, without its secret
export const GET = getWebhookEndpoint;
// PATCH /api/v2/webhooks/{id} — merge-patch url, events, description, enabled
export const PATCH = patchWebhookEndpoint;
// DELETE /api/v2/webhooks/{id} — unsubscribe
export const DELETE = deleteWebhookEndpoint;
// Any other method — 405 problem+json with Allow
export const { POST, PUT, OPTIONS } = otherMethods(GET, PATCH, DELETE);

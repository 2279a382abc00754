import 'server-only';

export { listWebhooks } from './list-webhooks';
export { getWebhook } from './get-webhook';
export { createWebhook } from './create-webhook';
export { updateWebhook } from './update-webhook';
export { deleteWebhook } from './delete-webhook';
export { listWebhookDeliveries } from './list-webhook-deliveries';
export { retryWebhookDelivery } from './retry-webhook-delivery';
export { sendTestWebhook } from './send-test-webhook';
export { deliverDueWebhooks } from './deliver-webhooks';

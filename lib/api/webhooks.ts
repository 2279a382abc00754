import { defineEndpoint, resourceResponse } from '@/lib/http/endpoint';
import { idParams } from '@/lib/schemas/common';
import {
  deliveryParams,
  webhookCreatedSchema,
  webhookCreateSchema,
  webhookDeliveryListQuerySchema,
  webhookDeliveryListSchema,
  webhookDeliverySchema,
  webhookListQuerySchema,
  webhookListSchema,
  webhookSchema,
  webhookWritableSchema,
  type WebhookCreateInput,
} from '@/lib/schemas/webhook';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhookDeliveries,
  listWebhooks,
  retryWebhookDelivery,
  sendTestWebhook,
  updateWebhook,
} from '@/lib/services/webhooks';
import { listEndpoint, resourceEndpoints } from './resource-endpoints';

const tag = 'Webhooks';

const example: WebhookCreateInput = {
  url: 'https://crm.example.com/hooks/charging',
  events: ['location.created', 'charge_station.status_changed'],
  description: 'Salesforce',
};

const signing =
  'Deliveries follow the Standard Webhooks specification: a POST with `webhook-id` (the same on every retry), `webhook-timestamp` and `webhook-signature` (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` with the secret after `whsec_`), body `{type, timestamp, data}` where `data` is the object as its GET shows it. Retried with backoff for 24 h; in order per object.';

export const listWebhooksEndpoint = listEndpoint({
  path: '/api/v2/webhooks',
  tag,
  name: 'Webhooks',
  noun: 'webhook subscriptions',
  description: 'Needs `webhook:manage`: CPO-wide callers see every subscription, others those of tenants where they hold it.',
  query: webhookListQuerySchema,
  schema: webhookListSchema,
  run: listWebhooks,
});

export const createWebhookEndpoint = defineEndpoint({
  method: 'POST',
  path: '/api/v2/webhooks',
  operationId: 'createWebhook',
  secretFields: ['secret'],
  summary: 'Subscribe to events',
  description: `The signing secret is in \`secret\` of this response only. A subscription receives the events of its tenant; a CPO-wide one (\`tenant_id: null\`, needs \`webhook:manage\` CPO-wide) those of every tenant and the pool. ${signing}`,
  tag,
  body: { schema: webhookCreateSchema, validate: true, example },
  success: { status: 201, description: 'The subscription with its secret', schema: webhookCreatedSchema, headers: ['ETag', 'Location'] },
  handler: async ({ ctx, body }) => resourceResponse(await createWebhook({ ctx, input: body }), { created: 'webhooks' }),
});

export const {
  get: getWebhookEndpoint,
  patch: patchWebhookEndpoint,
  delete: deleteWebhookEndpoint,
} = resourceEndpoints({
  path: '/api/v2/webhooks/{id}',
  tag,
  params: idParams,
  name: 'Webhook',
  noun: 'a webhook subscription',
  response: { schema: webhookSchema, description: 'The subscription, without its secret', updated: 'The updated subscription' },
  get: { run: getWebhook },
  patch: {
    description: 'RFC 7396 on `url`, `events`, `description`, `enabled`. Enabling a disabled subscription clears `disabled_reason`.',
    schema: webhookWritableSchema.partial(),
    example: { events: ['location.created', 'location.updated'], enabled: true },
    run: updateWebhook,
  },
  delete: { description: 'Ends the subscription: nothing more is sent, and it is no longer listed.', run: deleteWebhook },
});

export const listWebhookDeliveriesEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/webhooks/{id}/deliveries',
  operationId: 'listWebhookDeliveries',
  summary: 'List deliveries',
  description: 'The delivery log, newest first: status, attempts, the last response code, duration and error.',
  tag,
  params: idParams,
  query: webhookDeliveryListQuerySchema,
  success: { status: 200, description: 'A page of deliveries', schema: webhookDeliveryListSchema },
  handler: async ({ ctx, params, query }) => Response.json(await listWebhookDeliveries({ ctx, id: params.id, query })),
});

export const retryWebhookDeliveryEndpoint = defineEndpoint({
  method: 'POST',
  path: '/api/v2/webhooks/{id}/deliveries/{delivery_id}/retry',
  operationId: 'retryWebhookDelivery',
  summary: 'Retry a delivery',
  description: 'Sends the delivery again now, with the same `webhook-id`; its 24 hours of retries start over.',
  tag,
  params: deliveryParams,
  success: { status: 202, description: 'The delivery, queued', schema: webhookDeliverySchema },
  handler: async ({ ctx, params }) =>
    Response.json(await retryWebhookDelivery({ ctx, id: params.id, deliveryId: params.delivery_id }), { status: 202 }),
});

export const testWebhookEndpoint = defineEndpoint({
  method: 'POST',
  path: '/api/v2/webhooks/{id}/test',
  operationId: 'testWebhook',
  summary: 'Send a test event',
  description: 'Queues a `webhook.test` event, signed like every other, whose `data` is the subscription; see it in the delivery log.',
  tag,
  params: idParams,
  success: { status: 202, description: 'The test delivery, queued', schema: webhookDeliverySchema },
  handler: async ({ ctx, params }) => Response.json(await sendTestWebhook({ ctx, id: params.id }), { status: 202 }),
});

export const webhooksEndpoints = [
  listWebhooksEndpoint,
  createWebhookEndpoint,
  getWebhookEndpoint,
  patchWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookDeliveriesEndpoint,
  retryWebhookDeliveryEndpoint,
  testWebhookEndpoint,
];

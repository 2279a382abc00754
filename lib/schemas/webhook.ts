import { z } from 'zod';
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT } from '@/lib/domain/vocabulary';
import { count, entityMeta, int, listOf, listQueryBase, text, timestamp, uuid } from './common';

export const WEBHOOK_URL_MAX = 2048;

const events = z
  .array(z.enum(WEBHOOK_EVENT_TYPES))
  .min(1)
  .max(WEBHOOK_EVENT_TYPES.length)
  .refine((list) => new Set(list).size === list.length, 'must not repeat an event')
  .describe('The event types to receive');

/** POST /api/v2/webhooks. Unknown fields are rejected. */
export const webhookCreateSchema = z
  .object({
    url: text()
      .max(WEBHOOK_URL_MAX)
      .describe('Where events are POSTed (http or https); private and loopback addresses only with WEBHOOK_ALLOW_PRIVATE=true'),
    events,
    description: text().max(500).nullable().optional(),
    enabled: z.boolean().optional().describe('Default true; false pauses deliveries (they wait)'),
    tenant_id: uuid()
      .nullable()
      .optional()
      .describe('The tenant whose events it receives; null for a CPO-wide subscription (every tenant), left out: the caller’s tenant'),
  })
  .strict()
  .meta({ id: 'WebhookCreate' });
export type WebhookCreateInput = z.infer<typeof webhookCreateSchema>;

/** What PATCH may change (merge patch on these fields; the tenant is fixed). */
export const webhookWritableSchema = webhookCreateSchema.omit({ tenant_id: true }).required({ enabled: true });
export type WebhookWritable = z.infer<typeof webhookWritableSchema>;

export const webhookSchema = z
  .object({
    id: uuid(),
    tenant_id: uuid().nullable().describe('Null: CPO-wide'),
    url: z.string().max(WEBHOOK_URL_MAX),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)).max(WEBHOOK_EVENT_TYPES.length),
    description: z.string().max(500).nullable(),
    enabled: z.boolean(),
    disabled_reason: z.string().max(2000).nullable().describe('Why the product switched it off (a day of failed deliveries)'),
    failing_since: timestamp().nullable().describe('The first failed attempt since the last success'),
    ...entityMeta,
  })
  .meta({ id: 'Webhook' });
export type Webhook = z.infer<typeof webhookSchema>;

export const webhookCreatedSchema = webhookSchema
  .extend({
    secret: z
      .string()
      .max(100)
      .nullable()
      .describe('`whsec_` + base64: the signing key. Shown only in this response (null on an Idempotency-Key replay)'),
  })
  .meta({ id: 'WebhookCreated' });
export type WebhookCreated = z.infer<typeof webhookCreatedSchema>;

const { limit, cursor, tenant } = listQueryBase;

export const webhookListQuerySchema = z.object({ limit, cursor, tenant: tenant.describe('Only subscriptions of this tenant') }).strict();
export type WebhookListQuery = z.infer<typeof webhookListQuerySchema>;
export const webhookListSchema = listOf(webhookSchema).meta({ id: 'WebhookList' });

export const webhookDeliverySchema = z
  .object({
    id: uuid(),
    event_id: uuid().describe('The `webhook-id` header of every attempt'),
    event_type: z.enum([...WEBHOOK_EVENT_TYPES, WEBHOOK_TEST_EVENT]),
    object_id: z.string().max(200),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES).describe('PENDING until delivered (2xx) or given up after 24 h'),
    attempts: count(),
    response_status: int(0, 999).nullable().describe('The last attempt’s HTTP status; null when no answer came'),
    duration_ms: count().nullable(),
    error: z.string().max(2000).nullable(),
    next_attempt_at: timestamp().nullable().describe('When PENDING'),
    last_attempt_at: timestamp().nullable(),
    delivered_at: timestamp().nullable(),
    created_at: timestamp(),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListQuerySchema = z
  .object({
    limit,
    cursor,
    status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  })
  .strict();
export type WebhookDeliveryListQuery = z.infer<typeof webhookDeliveryListQuerySchema>;
export const webhookDeliveryListSchema = listOf(webhookDeliverySchema).meta({ id: 'WebhookDeliveryList' });

export const deliveryParams = z.object({
  id: z.string().min(1).max(200).describe('The subscription id (UUID)'),
  delivery_id: z.string().min(1).max(200).describe('The delivery id (UUID)'),
});

import { z } from 'zod';
import { ACTOR_MAX, entityMeta, listOf, listQueryBase, queryBoolean, text, timestamp, uuid } from './common';

/** POST /api/v2/api-keys. Unknown fields are rejected. */
export const apiKeyCreateSchema = z
  .object({
    name: text().trim().min(1).max(255).describe('Tells keys apart, e.g. the integration that uses it'),
    role: text().min(1).max(64).describe('The role the key acts with, e.g. `customer_operator`; `cpo_admin` makes a CPO-wide key'),
    tenant_id: uuid()
      .nullable()
      .optional()
      .describe('The tenant the key acts in; required unless the role is CPO-wide (`cpo_admin`), which needs null'),
    expires_at: z.iso
      .datetime({ offset: true, error: 'must be an RFC 3339 timestamp' })
      .max(40)
      .refine((v) => Date.parse(v) > Date.now(), 'must be in the future')
      .nullable()
      .optional()
      .describe('RFC 3339, in the future; null or left out: never expires'),
  })
  .strict()
  .meta({ id: 'ApiKeyCreate' });
export type ApiKeyCreateInput = z.infer<typeof apiKeyCreateSchema>;

export const apiKeySchema = z
  .object({
    id: uuid(),
    name: z.string().max(255),
    role: z.string().max(64),
    tenant_id: uuid().nullable().describe('Null for a CPO-wide key'),
    prefix: z.string().max(8).describe('The first characters of the secret, to recognise the key'),
    expires_at: timestamp().nullable(),
    last_used_at: timestamp().nullable().describe('Updated at most once a minute'),
    revoked_at: timestamp().nullable().describe('Set by DELETE; a revoked key answers 401'),
    created_by: z.string().max(ACTOR_MAX).nullable().describe('Who created it: `user:<uuid>`, `api_key:<uuid>` or `system`'),
    ...entityMeta,
  })
  .meta({ id: 'ApiKey' });
export type ApiKey = z.infer<typeof apiKeySchema>;

export const apiKeyCreatedSchema = apiKeySchema
  .extend({
    key: z
      .string()
      .max(1024)
      .nullable()
      .describe('The secret: send it as `Authorization: Bearer <key>`. Shown only in this response (null on an Idempotency-Key replay)'),
  })
  .meta({ id: 'ApiKeyCreated' });
export type ApiKeyCreated = z.infer<typeof apiKeyCreatedSchema>;

export const API_KEY_SORTS = ['name', 'updated_at', 'created_at'] as const;

const { limit, cursor, date_from, date_to, tenant } = listQueryBase;

export const apiKeyListQuerySchema = z
  .object({
    limit,
    cursor,
    date_from,
    date_to,
    tenant: tenant.describe('Only keys of this tenant'),
    q: listQueryBase.q.describe('Case-insensitive search in name and prefix'),
    revoked: queryBoolean().optional().describe('true: only revoked keys; false: only keys not revoked'),
    sort: z.enum([...API_KEY_SORTS, ...API_KEY_SORTS.map((s) => `-${s}` as const)]).default('updated_at'),
  })
  .strict();
export type ApiKeyListQuery = z.infer<typeof apiKeyListQuerySchema>;

export const apiKeyListSchema = listOf(apiKeySchema).meta({ id: 'ApiKeyList' });

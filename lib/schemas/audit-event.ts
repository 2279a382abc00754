import { z } from 'zod';
import { AUDIT_ENTITIES } from '@/lib/domain/vocabulary';
import { ACTOR_MAX, listOf, listQueryBase, text, timestamp, uuid } from './common';

const ACTOR = /^(system|(user|api_key):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export const auditEventSchema = z
  .object({
    id: uuid(),
    at: timestamp(),
    actor: z.string().max(ACTOR_MAX).describe('`user:<uuid>`, `api_key:<uuid>` or `system`'),
    tenant_id: uuid().nullable().describe('The tenant the change belongs to; null for CPO-wide changes'),
    action: z.string().max(100).describe('`<entity>.<verb>`, e.g. `location.updated`'),
    entity: z.enum(AUDIT_ENTITIES),
    entity_id: z.string().max(200),
    changes: z
      .record(z.string().max(100), z.object({ before: z.unknown(), after: z.unknown() }))
      .describe('The changed fields with their values before and after; never secrets'),
    request_id: z.string().max(128).nullable().describe('The request that made the change (X-Request-Id)'),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

const { limit, cursor, tenant } = listQueryBase;

export const auditEventListQuerySchema = z
  .object({
    limit,
    cursor,
    date_from: listQueryBase.date_from.describe('Events at or after this time'),
    date_to: listQueryBase.date_to.describe('Events before this time'),
    entity: z.enum(AUDIT_ENTITIES).optional(),
    entity_id: text().min(1).max(200).optional(),
    actor: text()
      .max(ACTOR_MAX)
      .regex(ACTOR, 'must be `user:<uuid>`, `api_key:<uuid>` or `system`')
      .transform((v) => v.toLowerCase())
      .optional()
      .describe('`user:<uuid>`, `api_key:<uuid>` or `system`'),
    action: text().min(1).max(100).optional().describe('Exact action, e.g. `api_key.revoked`'),
    tenant: tenant.describe('Only events of this tenant'),
    sort: z.enum(['at', '-at']).default('at').describe('`at` oldest first (default), `-at` newest first'),
  })
  .strict();
export type AuditEventListQuery = z.infer<typeof auditEventListQuerySchema>;

export const auditEventListSchema = listOf(auditEventSchema).meta({ id: 'AuditEventList' });

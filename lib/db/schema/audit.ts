import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { AUDIT_ENTITIES, sqlList } from '@/lib/domain/vocabulary';
import { changeTime } from './columns';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/** Append-only; written in the same transaction as the change it records. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    at: changeTime(),
    /** `user:<uuid>`, `api_key:<uuid>` or `system`. */
    actor: text().notNull(),
    /** No foreign key: the trail outlives what it describes. */
    tenantId: uuid(),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: text().notNull(),
    changes: jsonb()
      .$type<AuditChanges>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    requestId: text(),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at, t.id),
    index('audit_events_entity_idx').on(t.entity, t.entityId, t.at),
    index('audit_events_tenant_at_idx').on(t.tenantId, t.at),
    index('audit_events_actor_idx').on(t.actor, t.at),
    check('audit_events_entity_ck', sql`${t.entity} in (${sql.raw(sqlList(AUDIT_ENTITIES))})`),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;

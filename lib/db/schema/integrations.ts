import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, json, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { IMPORT_ENTITIES, IMPORT_ROW_OUTCOMES, IMPORT_STATUSES, WEBHOOK_DELIVERY_STATUSES, sqlList } from '@/lib/domain/vocabulary';
import { changeTime, tstz } from './columns';
import { tenants } from './tenants';

const inList = (values: readonly string[]) => sql.raw(`(${sqlList(values)})`);

/** Where a tenant's (or, with no tenant, the whole CPO's) events are sent (docs/INTEGRATIONS.md#webhooks). */
export const webhookSubscriptions = pgTable(
  'webhook_subscriptions',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Null: CPO-wide, receives the events of every tenant and of pool stations. */
    tenantId: uuid().references(() => tenants.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    events: text().array().notNull(),
    description: text(),
    enabled: boolean().notNull().default(true),
    /** `whsec_` + base64: the signing key, shown once at creation; needed in clear to sign. */
    secret: text().notNull(),
    /** Set when deliveries kept failing for a day and the subscription was switched off. */
    disabledReason: text(),
    /** The first failed attempt of the current streak of failures (null: healthy). */
    failingSince: tstz(),
    /** The latest failed attempt: a streak ends when none came for longer than the longest retry delay. */
    lastFailureAt: tstz(),
    createdAt: changeTime(),
    updatedAt: changeTime(),
    version: integer().notNull().default(1),
    /** Unsubscribed: kept (disabled) so its audit trail and delivery log stay explainable, never shown or sent. */
    deletedAt: tstz(),
  },
  (t) => [index('webhook_subscriptions_tenant_idx').on(t.tenantId, t.createdAt)],
);

/**
 * The outbox: one row per event, written in the transaction of the change it reports, with the
 * deliveries for the subscriptions that wanted it. The id is the `webhook-id` of every attempt.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Order of events: per object, deliveries follow it. */
    seq: bigint({ mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    type: text().notNull(),
    /** No foreign key: an event outlives the tenant it reports on (a deleted tenant's last events). */
    tenantId: uuid(),
    objectId: text().notNull(),
    /** The body sent, `{type, timestamp, data}`: json, not jsonb, so its text (key order) is kept. */
    payload: json().$type<Record<string, unknown>>().notNull(),
    createdAt: changeTime(),
  },
  (t) => [index('webhook_events_created_idx').on(t.createdAt)],
);

/** One event to one subscription: the unit that is retried and shown in the delivery log. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid().primaryKey().defaultRandom(),
    subscriptionId: uuid()
      .notNull()
      .references(() => webhookSubscriptions.id, { onDelete: 'cascade' }),
    eventId: uuid()
      .notNull()
      .references(() => webhookEvents.id, { onDelete: 'cascade' }),
    /** Copied from the event, so "is an earlier delivery for this object still open" is one index probe. */
    seq: bigint({ mode: 'number' }).notNull(),
    objectId: text().notNull(),
    status: text({ enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default('PENDING'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: tstz()
      .notNull()
      .default(sql`clock_timestamp()`),
    /** A worker's claim: another instance passes the row over until then. */
    lockedUntil: tstz(),
    lastAttemptAt: tstz(),
    responseStatus: integer(),
    durationMs: integer(),
    error: text(),
    createdAt: changeTime(),
    deliveredAt: tstz(),
  },
  (t) => [
    index('webhook_deliveries_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'PENDING'`),
    index('webhook_deliveries_object_idx')
      .on(t.subscriptionId, t.objectId, t.seq)
      .where(sql`${t.status} = 'PENDING'`),
    index('webhook_deliveries_log_idx').on(t.subscriptionId, t.createdAt),
    check('webhook_deliveries_status_ck', sql`${t.status} in ${inList(WEBHOOK_DELIVERY_STATUSES)}`),
  ],
);

/** A bulk import job (docs/INTEGRATIONS.md#imports); its rows are stored at upload, so it survives a restart. */
export const imports = pgTable(
  'imports',
  {
    id: uuid().primaryKey().defaultRandom(),
    entity: text({ enum: IMPORT_ENTITIES }).notNull(),
    dryRun: boolean().notNull(),
    status: text({ enum: IMPORT_STATUSES }).notNull().default('QUEUED'),
    /** `user:<uuid>` or `api_key:<uuid>`: the job runs with that caller's permissions, loaded afresh. */
    requestedBy: text().notNull(),
    /** The tenants the caller could see at upload (null: all), for listing the job. */
    tenantId: uuid(),
    requestId: text(),
    total: integer().notNull().default(0),
    processed: integer().notNull().default(0),
    created: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    failed: integer().notNull().default(0),
    /** Why the whole job failed (the caller lost access, …); row errors are on the rows. */
    error: text(),
    lockedUntil: tstz(),
    /** Names the worker's claim: a batch commits only while its worker still holds the job. */
    claimToken: uuid(),
    createdAt: changeTime(),
    startedAt: tstz(),
    finishedAt: tstz(),
  },
  (t) => [
    index('imports_open_idx')
      .on(t.createdAt)
      .where(sql`${t.status} in ('QUEUED', 'RUNNING')`),
    index('imports_requested_idx').on(t.requestedBy, t.createdAt),
    check('imports_entity_ck', sql`${t.entity} in ${inList(IMPORT_ENTITIES)}`),
    check('imports_status_ck', sql`${t.status} in ${inList(IMPORT_STATUSES)}`),
  ],
);

export type ImportRowError = { path: string; message: string };

export const importRows = pgTable(
  'import_rows',
  {
    importId: uuid()
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    /** The line of the file the row starts on (1 is a CSV's header). */
    line: integer().notNull(),
    /** The create body built from the line; null when the line could not be read as one. */
    body: jsonb().$type<Record<string, unknown>>(),
    /** The line as uploaded (CSV fields by header, or the NDJSON text), for the error report. */
    source: jsonb().$type<Record<string, string> | string>().notNull(),
    outcome: text({ enum: IMPORT_ROW_OUTCOMES }).notNull().default('PENDING'),
    errors: jsonb().$type<ImportRowError[]>(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.line] }),
    check('import_rows_outcome_ck', sql`${t.outcome} in ${inList(IMPORT_ROW_OUTCOMES)}`),
  ],
);

export type WebhookSubscriptionRow = typeof webhookSubscriptions.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type ImportRow = typeof imports.$inferSelect;
export type ImportRowRow = typeof importRows.$inferSelect;

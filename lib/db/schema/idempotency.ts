import { index, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

/** Stored POST outcomes for `Idempotency-Key` replays (kept 24 h). */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    caller: text().notNull(),
    method: text().notNull(),
    path: text().notNull(),
    key: text().notNull(),
    /** SHA-256 of the request body: same key with another body is refused. */
    requestHash: text().notNull(),
    /** Null while the first request is still running. */
    responseStatus: integer(),
    responseBody: jsonb(),
    responseHeaders: jsonb().$type<Record<string, string>>(),
    createdAt: tstz().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caller, t.method, t.path, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

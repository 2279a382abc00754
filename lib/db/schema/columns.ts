import { integer, timestamp } from 'drizzle-orm/pg-core';

// Millisecond precision so a timestamp read into a JS Date round-trips exactly
// (list cursors compare on updated_at).
export const tstz = (name?: string) =>
  name ? timestamp(name, { withTimezone: true, precision: 3 }) : timestamp({ withTimezone: true, precision: 3 });

/** created_at / updated_at / version / deleted_at shared by every versioned, soft-deletable entity. */
export const lifecycleColumns = {
  createdAt: tstz().notNull().defaultNow(),
  updatedAt: tstz().notNull().defaultNow(),
  version: integer().notNull().default(1),
  deletedAt: tstz(),
};

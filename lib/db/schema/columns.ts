import { sql } from 'drizzle-orm';
import { integer, timestamp } from 'drizzle-orm/pg-core';

// Millisecond precision so a timestamp read into a JS Date round-trips exactly
// (list cursors compare on updated_at).
export const tstz = (name?: string) =>
  name ? timestamp(name, { withTimezone: true, precision: 3 }) : timestamp({ withTimezone: true, precision: 3 });

/**
 * The time of a change: clock_timestamp(), not now() (the transaction's start), so timestamps
 * follow the order of the sync barrier in lib/services/shared/change-order.ts.
 */
export const changeTime = () =>
  tstz()
    .notNull()
    .default(sql`clock_timestamp()`);

/** created_at / updated_at / version / deleted_at shared by every versioned, soft-deletable entity. */
export const lifecycleColumns = {
  createdAt: changeTime(),
  updatedAt: changeTime(),
  version: integer().notNull().default(1),
  deletedAt: tstz(),
};

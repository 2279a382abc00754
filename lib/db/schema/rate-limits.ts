import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

/**
 * Request and sign-in budgets shared by every app instance: one row per bucket (an API caller's
 * minute or second window, a sign-in account or IP), reset when its window has ended. The table
 * is UNLOGGED (migration 0006): a counter update commits without a WAL flush, and a crash of
 * Postgres only resets the counters.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    /** e.g. `api:api_key:<uuid>:60`, `sign_in:account:<email>`. */
    bucket: text().primaryKey(),
    /** Requests granted (API leases) or attempts counted (sign-in) in the current window. */
    consumed: integer().notNull(),
    /** What the latest lease took from this window, read back by the statement that granted it. */
    lastGrant: integer().notNull().default(0),
    windowEndsAt: tstz().notNull(),
  },
  (t) => [index('rate_limits_window_ends_idx').on(t.windowEndsAt)],
);

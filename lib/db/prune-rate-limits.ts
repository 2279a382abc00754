import { lt, sql } from 'drizzle-orm';
import { getDb } from './client';
import { rateLimits } from './schema';

const PRUNE_EVERY_MS = 60_000;
const holder = globalThis as typeof globalThis & { __clmRateLimitsPrunedAt?: number };

/**
 * Deletes budgets whose window ended over a minute ago (a later request would reset them anyway),
 * at most once a minute per process and without holding up the caller: any instance that counts
 * requests or sign-ins keeps the table small.
 */
export function pruneRateLimitsNowAndThen(): void {
  const now = Date.now();
  if (now - (holder.__clmRateLimitsPrunedAt ?? 0) < PRUNE_EVERY_MS) return;
  holder.__clmRateLimitsPrunedAt = now;
  getDb()
    .delete(rateLimits)
    .where(lt(rateLimits.windowEndsAt, sql`now() - interval '1 minute'`))
    .catch((error: unknown) => console.error('pruning rate_limits failed', error));
}

import { and, gt, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { pruneRateLimitsNowAndThen } from '@/lib/db/prune-rate-limits';
import { rateLimits } from '@/lib/db/schema';

const WINDOW = sql`interval '15 minutes'`;
const ACCOUNT_LIMIT = 10;
const IP_LIMIT = 50;

// docs/DOMAIN.md#access-and-limits: 10 failures per account and 50 per IP within 15 minutes, counted
// in Postgres so every app instance sees the same count. Sign-ins are rare, so each attempt pays a
// round trip; the row lock of the upsert makes parallel attempts on several instances count exactly.
const buckets = (email: string, ip: string) => [`sign_in:account:${email.toLowerCase()}`, `sign_in:ip:${ip}`];

/**
 * Counts one attempt against the account and the IP. Returns the seconds to wait when either
 * budget (10 per account, 50 per IP per 15 minutes) is already spent, else 0.
 */
export async function takeSignInAttempt(email: string, ip: string): Promise<number> {
  pruneRateLimitsNowAndThen();
  const [account, perIp] = buckets(email, ip);
  const ended = sql`${rateLimits.windowEndsAt} <= now()`;
  const rows = await getDb()
    .insert(rateLimits)
    .values([account!, perIp!].map((bucket) => ({ bucket, consumed: 1, windowEndsAt: sql`now() + ${WINDOW}` })))
    .onConflictDoUpdate({
      target: rateLimits.bucket,
      set: {
        consumed: sql`case when ${ended} then 1 else ${rateLimits.consumed} + 1 end`,
        windowEndsAt: sql`case when ${ended} then excluded.window_ends_at else ${rateLimits.windowEndsAt} end`,
      },
    })
    .returning({
      bucket: rateLimits.bucket,
      consumed: rateLimits.consumed,
      secondsLeft: sql<number>`ceil(extract(epoch from ${rateLimits.windowEndsAt} - now()))::int`,
    });
  const over = rows.filter((row) => row.consumed > (row.bucket === account ? ACCOUNT_LIMIT : IP_LIMIT));
  return over.length ? Math.max(1, ...over.map((row) => row.secondsLeft)) : 0;
}

/** A successful sign-in gives back the attempt it took (failures stay counted). */
export async function forgiveSignIn(email: string, ip: string): Promise<void> {
  await getDb()
    .update(rateLimits)
    .set({ consumed: sql`greatest(${rateLimits.consumed} - 1, 0)` })
    .where(and(inArray(rateLimits.bucket, buckets(email, ip)), gt(rateLimits.windowEndsAt, sql`now()`)));
}

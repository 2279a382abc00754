import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { getEnv } from '@/lib/env';
import { sendWebhook, type DeliveryResult } from './send-webhook';

/** Waits after the 1st, 2nd, … failed attempt (the Standard Webhooks schedule); then FAILED. */
export const RETRY_DELAYS_S = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600];
/** No attempt after a delivery is this old, and a subscription failing this long is disabled. */
export const GIVE_UP_AFTER_S = 24 * 3600;
/** A claimed delivery's lease: well beyond an attempt's deadline (DELIVERY_TIMEOUT_MS). */
const LEASE_S = 60;
/** Failures further apart than this (the longest retry delay, and some) do not make one streak. */
const STREAK_GAP_S = 12 * 3600;

type ClaimedDelivery = {
  id: string;
  /** The claim's lease, as stored: the outcome is written only while it is still this one. */
  locked_until: string;
  attempts: number;
  age_s: number;
  subscription_id: string;
  url: string;
  secret: string;
  event_id: string;
  payload: string;
};

/**
 * Claims up to `limit` due deliveries, at most one per subscription and object at a time and only
 * the oldest open one of each (in order per object), counting the attempt. SKIP LOCKED and the lease
 * keep two instances from claiming the same row. `array(...)` runs the LIMIT … SKIP LOCKED subquery
 * once (under `in (...)` the planner may rerun it).
 */
async function claimDueDeliveries(limit: number): Promise<ClaimedDelivery[]> {
  return getDb().execute<ClaimedDelivery>(sql`
    update webhook_deliveries d
    set locked_until = clock_timestamp() + make_interval(secs => ${LEASE_S}),
        attempts = d.attempts + 1, last_attempt_at = clock_timestamp()
    from webhook_subscriptions s, webhook_events e
    where d.id = any(array(
        select c.id from webhook_deliveries c
        join webhook_subscriptions cs on cs.id = c.subscription_id and cs.enabled
        where c.status = 'PENDING' and c.next_attempt_at <= clock_timestamp()
          and (c.locked_until is null or c.locked_until < clock_timestamp())
          and not exists (
            select 1 from webhook_deliveries p
            where p.subscription_id = c.subscription_id and p.object_id = c.object_id
              and p.status = 'PENDING' and p.seq < c.seq)
        order by c.next_attempt_at, c.seq
        limit ${limit}
        for update of c skip locked))
      and s.id = d.subscription_id and e.id = d.event_id
    returning d.id, d.locked_until::text, d.attempts, extract(epoch from clock_timestamp() - d.created_at)::float8 as age_s,
      s.id as subscription_id, s.url, s.secret, e.id as event_id, e.payload::text as payload`);
}

/** Stores one attempt's outcome: delivered, retried later, or given up; and the subscription's health. */
async function recordAttempt(delivery: ClaimedDelivery, result: DeliveryResult): Promise<void> {
  const delay = RETRY_DELAYS_S[delivery.attempts - 1];
  const giveUp = !result.ok && (delay === undefined || delivery.age_s + delay > GIVE_UP_AFTER_S);
  const status = result.ok ? 'SUCCEEDED' : giveUp ? 'FAILED' : 'PENDING';
  await getDb().transaction(async (tx) => {
    // Only while the claim holds: a retry asked for meanwhile (or another instance after the lease) owns it now.
    const stored = await tx.execute(sql`
      update webhook_deliveries set status = ${status}, locked_until = null,
        response_status = ${result.status}, duration_ms = ${result.durationMs}, error = ${result.error},
        delivered_at = ${result.ok ? sql`clock_timestamp()` : null},
        next_attempt_at = clock_timestamp() + make_interval(secs => ${giveUp || result.ok ? 0 : delay!})
      where id = ${delivery.id} and locked_until = ${delivery.locked_until}::timestamptz
      returning id`);
    if (!stored.length) return;
    if (result.ok) {
      await tx.execute(
        sql`update webhook_subscriptions set failing_since = null where id = ${delivery.subscription_id} and failing_since is not null`,
      );
      return;
    }
    // A day of nothing but failures switches the subscription off, with the reason shown to its
    // owner. A failure long after the previous one starts a new streak (SET reads the old values).
    await tx.execute(sql`
      with streak as (
        select id, case when failing_since is null or last_failure_at < clock_timestamp() - make_interval(secs => ${STREAK_GAP_S})
                        then clock_timestamp() else failing_since end as since
        from webhook_subscriptions where id = ${delivery.subscription_id}
      )
      update webhook_subscriptions s set
        failing_since = streak.since,
        last_failure_at = clock_timestamp(),
        enabled = case when streak.since <= clock_timestamp() - make_interval(secs => ${GIVE_UP_AFTER_S}) then false else s.enabled end,
        disabled_reason = case when streak.since <= clock_timestamp() - make_interval(secs => ${GIVE_UP_AFTER_S})
          then ${`Disabled after 24 hours of failed deliveries; the last: ${result.error ?? 'no answer'}`} else s.disabled_reason end,
        updated_at = clock_timestamp()
      from streak where s.id = streak.id`);
  });
}

/** One round of the delivery worker: claims, sends in parallel, records. True when a full batch was found. */
export async function deliverDueWebhooks({ limit = 50 }: { limit?: number } = {}): Promise<boolean> {
  const claimed = await claimDueDeliveries(limit);
  const allowPrivate = getEnv().WEBHOOK_ALLOW_PRIVATE;
  await Promise.all(
    claimed.map(async (delivery) => {
      const result = await sendWebhook(
        { id: delivery.event_id, body: delivery.payload, secret: delivery.secret, url: delivery.url },
        { allowPrivate },
      );
      await recordAttempt(delivery, result);
    }),
  );
  return claimed.length === limit;
}

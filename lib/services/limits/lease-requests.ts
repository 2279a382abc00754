import { sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { pruneRateLimitsNowAndThen } from '@/lib/db/prune-rate-limits';

/** One fixed window of a caller's budget: it starts with the first request after the previous one ended. */
export type QuotaWindow = { bucket: string; seconds: number; limit: number };

export type WindowState = { consumed: number; msLeft: number; endsAt: string };
export type Lease = { granted: number; windows: WindowState[] };

/**
 * Takes up to `want` requests from every window of a caller at once, in one statement (one row
 * lock per window, no WAL flush: the table is unlogged).
 *
 * Windows go shortest first and each takes at most what the one before granted. A longer window
 * that grants less is exhausted for longer than the shorter ones, so what they were charged too
 * much can never be used anyway.
 */
export async function leaseRequests({ windows, want }: { windows: QuotaWindow[]; want: number }): Promise<Lease> {
  pruneRateLimitsNowAndThen();
  const steps = windows.map((window, i) => {
    const wanted = i === 0 ? sql`${want}::int` : sql.raw(`g${i - 1}.granted`);
    return sql`${sql.raw(`g${i}`)} as (${grantStep(window, wanted, i)})`;
  });
  const columns = windows.map((_, i) => sql.raw(`g${i}.consumed as c${i}, g${i}.ms_left as m${i}, g${i}.window_ends_at::text as e${i}`));
  const from = sql.raw(windows.map((_, i) => `g${i}`).join(', '));
  const last = sql.raw(`g${windows.length - 1}.granted`);
  const [row] = await getDb().execute<Record<string, number | string>>(
    sql`with ${sql.join(steps, sql`, `)} select ${last} as granted, ${sql.join(columns, sql`, `)} from ${from}`,
  );
  return {
    granted: Number(row!.granted),
    windows: windows.map((_, i) => ({ consumed: Number(row![`c${i}`]), msLeft: Number(row![`m${i}`]), endsAt: String(row![`e${i}`]) })),
  };
}

// The end is cut to the column's milliseconds (rounding could put it past the window's length).
function grantStep(window: QuotaWindow, want: SQL, i: number): SQL {
  const limit = sql`${window.limit}::int`;
  const source = i === 0 ? sql`` : sql.raw(` from g${i - 1}`);
  const ended = sql`r.window_ends_at <= now()`;
  const grant = sql`greatest(0, least(excluded.last_grant, ${limit} - r.consumed))`;
  return sql`
    insert into rate_limits as r (bucket, consumed, last_grant, window_ends_at)
    select ${window.bucket}, least(${want}, ${limit}), least(${want}, ${limit}), date_trunc('milliseconds', now() + make_interval(secs => ${window.seconds}::int))${source}
    on conflict (bucket) do update set
      last_grant = case when ${ended} then excluded.last_grant else ${grant} end,
      consumed = case when ${ended} then excluded.consumed else r.consumed + ${grant} end,
      window_ends_at = case when ${ended} then excluded.window_ends_at else r.window_ends_at end
    returning last_grant as granted, consumed, window_ends_at, (extract(epoch from window_ends_at - now()) * 1000)::float8 as ms_left`;
}

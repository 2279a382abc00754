import { actorRef, type AuthContext } from '@/lib/auth/context';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { leaseRequests, type QuotaWindow, type WindowState } from '@/lib/services/limits';

/**
 * Per caller (API key, or portal user calling the API with the session cookie):
 * RATE_LIMIT_PER_MINUTE (default 6000) and at most RATE_LIMIT_BURST (1000) in one second, shared by every app
 * instance through the `rate_limits` table.
 *
 * Each instance leases tokens from the shared windows and spends them in memory, so a request
 * waits for no database write: the next lease is fetched in the background once half of the
 * current one is spent (requests wait only when a lease ran out before the next one arrived, e.g.
 * a caller's first request of the minute). Tokens are granted atomically and are charged to the
 * minute window they are spent in, so all instances together never admit more than the limit per
 * minute. What an instance holds unspent (≤ 1.5 leases, a lease ≤ 1/40 of the smallest window) is
 * the bounded slack: other instances cannot use it (they may admit that much less in the minute),
 * and it may be spent in the next burst second (that second may admit that much more per instance).
 */
const LEASE_SHARE = 40;
/** A lease half spent sooner than this doubles the next one; one that lasted longer than SLOW_LEASE_MS halves it. */
const QUICK_LEASE_MS = 250;
const SLOW_LEASE_MS = 1000;
const SWEEP_EVERY_MS = 60_000;

type Window = { seconds: number; limit: number };
type SeenWindow = WindowState & { endsAtLocal: number };
type Caller = {
  tokens: number;
  /** Local time the tokens are valid until: the end of the minute window they are charged to. */
  expiresAt: number;
  windows: SeenWindow[] | null;
  want: number;
  leasedAt: number;
  /** Set when a lease found a window spent and nothing is left here: refuse locally until it ends. */
  blocked: { until: number; window: number } | null;
  pending: Promise<void> | null;
};
type Limiter = { perMinute: number; burst: number; windows: Window[]; maxLease: number; callers: Map<string, Caller>; sweptAt: number };

export type RateLimitQuota = { limit: number; remaining: number; resetSeconds: number };

const holder = globalThis as typeof globalThis & { __clmApiLimiter?: Limiter };

function limiter(perMinute: number, burst: number): Limiter {
  if (holder.__clmApiLimiter?.perMinute !== perMinute || holder.__clmApiLimiter.burst !== burst) {
    // Shortest window first (see leaseRequests); the burst window only where it can bind.
    const windows =
      perMinute > burst
        ? [
            { seconds: 1, limit: burst },
            { seconds: 60, limit: perMinute },
          ]
        : [{ seconds: 60, limit: perMinute }];
    const maxLease = Math.max(1, Math.floor(Math.min(...windows.map((w) => w.limit)) / LEASE_SHARE));
    holder.__clmApiLimiter = { perMinute, burst, windows, maxLease, callers: new Map(), sweptAt: Date.now() };
  }
  return holder.__clmApiLimiter;
}

export type RateLimitMeter = ReturnType<typeof rateLimitMeter>;

/**
 * The rate limit of one API request: `consume` counts it (429 once the budget is spent), `stamp`
 * puts RateLimit-Limit / -Remaining / -Reset on whatever the request answers.
 */
export function rateLimitMeter() {
  let quota: RateLimitQuota | undefined;
  return {
    async consume(ctx: AuthContext): Promise<void> {
      const { RATE_LIMIT_PER_MINUTE: perMinute, RATE_LIMIT_BURST: burst } = getEnv();
      if (perMinute === 0 || ctx.actor.kind === 'system') return;
      const taken = await take(limiter(perMinute, burst), actorRef(ctx.actor));
      quota = taken.quota;
      if (taken.spent) {
        const per = taken.spent.seconds === 60 ? 'minute' : 'second';
        throw new AppError('rate_limited', `Rate limit of ${taken.spent.limit} requests per ${per} exceeded.`, {
          retryAfter: quota.resetSeconds,
        });
      }
    },
    stamp(response: Response): Response {
      if (quota) {
        response.headers.set('ratelimit-limit', String(quota.limit));
        response.headers.set('ratelimit-remaining', String(quota.remaining));
        response.headers.set('ratelimit-reset', String(quota.resetSeconds));
      }
      return response;
    },
  };
}

async function take(limits: Limiter, caller: string): Promise<{ quota: RateLimitQuota; spent?: Window }> {
  let state = limits.callers.get(caller);
  if (!state) {
    state = { tokens: 0, expiresAt: 0, windows: null, want: 1, leasedAt: 0, blocked: null, pending: null };
    limits.callers.set(caller, state);
  }
  for (;;) {
    const now = Date.now();
    if (state.tokens > 0 && state.expiresAt > now) {
      state.tokens -= 1;
      // The failure of a lease fetched ahead reaches the request that waits for the next one.
      if (state.tokens <= state.want / 2) lease(limits, caller, state).catch(() => {});
      const minute = state.windows!.at(-1)!;
      const remaining = Math.max(0, limits.perMinute - minute.consumed + state.tokens);
      return { quota: { limit: limits.perMinute, remaining, resetSeconds: Math.max(0, Math.ceil((minute.endsAtLocal - now) / 1000)) } };
    }
    if (state.blocked && state.blocked.until > now) {
      const window = limits.windows[state.blocked.window]!;
      const resetSeconds = Math.max(1, Math.ceil((state.blocked.until - now) / 1000));
      return { quota: { limit: window.limit, remaining: 0, resetSeconds }, spent: window };
    }
    await lease(limits, caller, state);
  }
}

/** One lease of the caller at a time: every request that needs it waits for the same one. */
const lease = (limits: Limiter, caller: string, state: Caller) =>
  (state.pending ??= refill(limits, caller, state).finally(() => (state.pending = null)));

async function refill(limits: Limiter, caller: string, state: Caller): Promise<void> {
  const sentAt = Date.now();
  sweep(limits, sentAt);
  const lasted = sentAt - state.leasedAt;
  const want =
    state.leasedAt > 0 && lasted < QUICK_LEASE_MS
      ? Math.min(state.want * 2, limits.maxLease)
      : lasted > SLOW_LEASE_MS
        ? Math.max(1, Math.floor(state.want / 2))
        : state.want;
  const windows: QuotaWindow[] = limits.windows.map((window) => ({
    bucket: `api:${caller}:${window.seconds}`,
    seconds: window.seconds,
    limit: window.limit,
  }));
  const granted = await leaseRequests({ windows, want });
  // Measured from before the statement, so a lease never outlives its window here.
  const seen = granted.windows.map((w) => ({ ...w, endsAtLocal: sentAt + w.msLeft }));
  const minute = seen.at(-1)!;
  const sameMinute = state.windows?.at(-1)?.endsAt === minute.endsAt && state.expiresAt > Date.now();
  state.tokens = (sameMinute ? state.tokens : 0) + granted.granted;
  state.windows = seen;
  state.want = want;
  state.leasedAt = sentAt;
  state.expiresAt = minute.endsAtLocal;
  state.blocked = null;
  if (state.tokens === 0) {
    const full = seen.map((w, i) => ({ w, i })).filter(({ w, i }) => w.consumed >= limits.windows[i]!.limit);
    const longest = full.sort((a, b) => b.w.endsAtLocal - a.w.endsAtLocal)[0] ?? { w: seen[0]!, i: 0 };
    state.blocked = { until: Math.max(longest.w.endsAtLocal, sentAt + 1), window: longest.i };
  }
}

/** Forgets callers whose lease and block have both ended. */
function sweep(limits: Limiter, now: number) {
  if (now - limits.sweptAt < SWEEP_EVERY_MS) return;
  limits.sweptAt = now;
  for (const [caller, state] of limits.callers) {
    if (!state.pending && state.expiresAt <= now && (!state.blocked || state.blocked.until <= now)) limits.callers.delete(caller);
  }
}

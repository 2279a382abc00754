import { RateLimiterMemory } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 15 * 60;

// One deployment serves from one process, so in-memory counters are the whole truth (SPEC section 3:
// 10 failures per account and 50 per IP within 15 minutes).
const holder = globalThis as typeof globalThis & {
  __clmSignInLimiters?: { account: RateLimiterMemory; ip: RateLimiterMemory };
};
const limiters = () =>
  (holder.__clmSignInLimiters ??= {
    account: new RateLimiterMemory({ keyPrefix: 'signin_account', points: 10, duration: WINDOW_SECONDS }),
    ip: new RateLimiterMemory({ keyPrefix: 'signin_ip', points: 50, duration: WINDOW_SECONDS }),
  });

/** Seconds until sign-in may be tried again for this account or IP, or 0 when allowed. */
export async function signInBlockedFor(email: string, ip: string): Promise<number> {
  const { account, ip: perIp } = limiters();
  const checks = [
    { limiter: account, key: email.toLowerCase() },
    { limiter: perIp, key: ip },
  ];
  let waitMs = 0;
  for (const { limiter, key } of checks) {
    const state = await limiter.get(key);
    if (state && state.consumedPoints >= limiter.points) waitMs = Math.max(waitMs, state.msBeforeNext);
  }
  return Math.ceil(waitMs / 1000);
}

export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  const { account, ip: perIp } = limiters();
  // penalty() counts without throwing when the budget is already spent.
  await Promise.all([account.penalty(email.toLowerCase()), perIp.penalty(ip)]);
}

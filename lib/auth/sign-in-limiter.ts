import { RateLimiterMemory } from 'rate-limiter-flexible';

const WINDOW_SECONDS = 15 * 60;

// One deployment serves from one process, so in-memory counters are the whole truth (docs/DOMAIN.md#access-and-limits:
// 10 failures per account and 50 per IP within 15 minutes).
const holder = globalThis as typeof globalThis & {
  __clmSignInLimiters?: { account: RateLimiterMemory; ip: RateLimiterMemory };
};
const limiters = () =>
  (holder.__clmSignInLimiters ??= {
    account: new RateLimiterMemory({ keyPrefix: 'signin_account', points: 10, duration: WINDOW_SECONDS }),
    ip: new RateLimiterMemory({ keyPrefix: 'signin_ip', points: 50, duration: WINDOW_SECONDS }),
  });

/**
 * Counts one attempt against the account and the IP. Returns the seconds to wait when either
 * budget (10 per account, 50 per IP per 15 minutes) is already spent, else 0.
 */
export async function takeSignInAttempt(email: string, ip: string): Promise<number> {
  const { account, ip: perIp } = limiters();
  const results = await Promise.all([account.penalty(email.toLowerCase()), perIp.penalty(ip)]);
  const over = results.filter((r, i) => r.consumedPoints > (i === 0 ? account.points : perIp.points));
  return over.length ? Math.ceil(Math.max(...over.map((r) => r.msBeforeNext)) / 1000) : 0;
}

/** A successful sign-in gives back the attempt it took (failures stay counted). */
export async function forgiveSignIn(email: string, ip: string): Promise<void> {
  const { account, ip: perIp } = limiters();
  await Promise.all([account.reward(email.toLowerCase()), perIp.reward(ip)]);
}

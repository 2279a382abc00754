import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { actorRef, type AuthContext } from '@/lib/auth/context';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';

type Limiters = { perMinute: RateLimiterMemory; perSecond: RateLimiterMemory; configured: number };
const holder = globalThis as typeof globalThis & { __clmApiLimiters?: Limiters };

/** Per API key: RATE_LIMIT_PER_MINUTE (default 6000), and at most 1000 in one second so a burst cannot spend the minute at once. */
function limiters(perMinute: number): Limiters {
  if (holder.__clmApiLimiters?.configured !== perMinute) {
    holder.__clmApiLimiters = {
      configured: perMinute,
      perMinute: new RateLimiterMemory({ keyPrefix: 'api_min', points: perMinute, duration: 60 }),
      perSecond: new RateLimiterMemory({ keyPrefix: 'api_sec', points: Math.min(perMinute, 1000), duration: 1 }),
    };
  }
  return holder.__clmApiLimiters;
}

/** Counts one request of an API-key caller; 429 with Retry-After once its budget is spent. */
export async function consumeRateLimit(ctx: AuthContext): Promise<void> {
  const perMinute = getEnv().RATE_LIMIT_PER_MINUTE;
  if (perMinute === 0 || ctx.actor.kind !== 'api_key') return;
  const { perMinute: minute, perSecond: second } = limiters(perMinute);
  const key = actorRef(ctx.actor);
  try {
    await second.consume(key);
    await minute.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new AppError('rate_limited', `Rate limit of ${perMinute} requests per minute exceeded.`, { retryAfter });
  }
}

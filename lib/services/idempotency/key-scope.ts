import { and, eq } from 'drizzle-orm';
import { idempotencyKeys } from '@/lib/db/schema';

/** One Idempotency-Key: the same key from another caller or on another operation is another key. */
export type IdempotencyScope = { caller: string; method: string; path: string; key: string };
export type StoredResponse = { status: number; body: unknown; headers: Record<string, string> };

export const whereScope = (s: IdempotencyScope) =>
  and(
    eq(idempotencyKeys.caller, s.caller),
    eq(idempotencyKeys.method, s.method),
    eq(idempotencyKeys.path, s.path),
    eq(idempotencyKeys.key, s.key),
  );

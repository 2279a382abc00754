import { createHash } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { idempotencyKeys } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';

const KEPT = sql`interval '24 hours'`;
/** A first request that has not finished after this long is taken to have died. */
const ABANDONED_AFTER_MS = 60_000;
const WAIT_STEP_MS = 100;
const WAIT_LIMIT_MS = 15_000;

export type Scope = { caller: string; method: string; path: string; key: string };
export type StoredResponse = { status: number; body: unknown; headers: Record<string, string> };

const where = (s: Scope) =>
  and(
    eq(idempotencyKeys.caller, s.caller),
    eq(idempotencyKeys.method, s.method),
    eq(idempotencyKeys.path, s.path),
    eq(idempotencyKeys.key, s.key),
  );

export const hashBody = (body: string) => createHash('sha256').update(body).digest('hex');

/**
 * Claims an Idempotency-Key for this request. Returns the stored response of an earlier request
 * with the same key and body, or null when this request should run (and then `complete` it).
 * A concurrent duplicate waits for the first; the same key with another body is a 422.
 */
export async function claimIdempotencyKey(scope: Scope, requestHash: string): Promise<StoredResponse | null> {
  const db = getDb();
  // Expired keys of every caller go here, along the created_at index: no separate job needed.
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, sql`now() - ${KEPT}`));
  const started = Date.now();
  for (;;) {
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ ...scope, requestHash })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length) return null;

    const [row] = await db.select().from(idempotencyKeys).where(where(scope));
    if (!row) continue;
    if (row.requestHash !== requestHash) {
      throw new AppError('validation', 'This Idempotency-Key was already used with a different request body.', {
        errors: [{ path: '/', message: 'body differs from the first request with this Idempotency-Key' }],
      });
    }
    if (row.responseStatus !== null) {
      return { status: row.responseStatus, body: row.responseBody, headers: row.responseHeaders ?? {} };
    }
    if (Date.now() - row.createdAt.getTime() > ABANDONED_AFTER_MS) {
      await db.delete(idempotencyKeys).where(and(where(scope), eq(idempotencyKeys.createdAt, row.createdAt)));
      continue;
    }
    if (Date.now() - started > WAIT_LIMIT_MS) {
      throw new AppError('conflict', 'A request with this Idempotency-Key is still being processed; retry later.');
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

/** Stores the outcome for replays; a failure that should be retried (5xx) releases the key instead. */
export async function completeIdempotencyKey(scope: Scope, response: StoredResponse | null): Promise<void> {
  const db = getDb();
  if (!response || response.status >= 500) {
    await db.delete(idempotencyKeys).where(where(scope));
    return;
  }
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: response.status, responseBody: response.body, responseHeaders: response.headers })
    .where(where(scope));
}

import { and, eq, lt, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { idempotencyKeys } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { whereScope, type IdempotencyScope, type StoredResponse } from './key-scope';

const KEPT = sql`interval '24 hours'`;
/** A first request that has not finished after this long is taken to have died. */
const ABANDONED_AFTER_MS = 60_000;
const WAIT_STEP_MS = 100;
const WAIT_LIMIT_MS = 15_000;

/**
 * Claims an Idempotency-Key for this request. Returns the stored response of an earlier request
 * with the same key and body, or null when this request should run (and then `complete` it).
 * A concurrent duplicate waits for the first; the same key with another body is a 422.
 */
export async function claimIdempotencyKey(scope: IdempotencyScope, requestHash: string): Promise<StoredResponse | null> {
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

    const [row] = await db.select().from(idempotencyKeys).where(whereScope(scope));
    if (!row) continue;
    if (row.requestHash !== requestHash) {
      throw new AppError('validation', 'This Idempotency-Key was already used with a different request body.', {
        errors: [{ path: '/', message: 'body differs from the first request with this Idempotency-Key' }],
      });
    }
    if (row.responseStatus !== null) {
      return { status: row.responseStatus, body: storedBody(row.responseBody), headers: row.responseHeaders ?? {} };
    }
    if (Date.now() - row.createdAt.getTime() > ABANDONED_AFTER_MS) {
      await db.delete(idempotencyKeys).where(and(whereScope(scope), eq(idempotencyKeys.createdAt, row.createdAt)));
      continue;
    }
    if (Date.now() - started > WAIT_LIMIT_MS) {
      throw new AppError('conflict', 'A request with this Idempotency-Key is still being processed; retry later.');
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}

/** The stored body with its keys in the original order (kept as JSON text; older rows hold the object itself). */
const storedBody = (stored: unknown): unknown => (typeof stored === 'string' ? JSON.parse(stored) : stored);

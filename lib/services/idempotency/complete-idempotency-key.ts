import { getDb } from '@/lib/db/client';
import { idempotencyKeys } from '@/lib/db/schema';
import { whereScope, type IdempotencyScope, type StoredResponse } from './key-scope';

/** Stores the outcome for replays; a failure that should be retried (5xx) releases the key instead. */
export async function completeIdempotencyKey(scope: IdempotencyScope, response: StoredResponse | null): Promise<void> {
  const db = getDb();
  if (!response || response.status >= 500) {
    await db.delete(idempotencyKeys).where(whereScope(scope));
    return;
  }
  await db
    .update(idempotencyKeys)
    // The body's JSON text, as a jsonb string: a jsonb object would come back with its keys reordered.
    .set({ responseStatus: response.status, responseBody: JSON.stringify(response.body), responseHeaders: response.headers })
    .where(whereScope(scope));
}

import { getSql } from '@/lib/db/client';
import { retryOnce } from '@/lib/db/faults';
import { isReady } from '@/lib/services/bootstrap/readiness';

/** Ready when this process finished migrations + bootstrap and the database answers `SELECT 1`. */
export async function checkHealth(): Promise<{ ok: true } | { ok: false; detail: string }> {
  if (!isReady()) return { ok: false, detail: 'Migrations and bootstrap have not finished.' };
  try {
    // A pooled connection the server dropped fails once; the answer is about the database now.
    await retryOnce(() => getSql()`select 1`, 'reads');
    return { ok: true };
  } catch {
    return { ok: false, detail: 'The database is not reachable.' };
  }
}

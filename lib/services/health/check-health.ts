import { getSql } from '@/lib/db/client';
import { isReady } from '@/lib/services/bootstrap/readiness';

/** Ready when this process finished migrations + bootstrap and the database answers `SELECT 1`. */
export async function checkHealth(): Promise<{ ok: true } | { ok: false; detail: string }> {
  if (!isReady()) return { ok: false, detail: 'Migrations and bootstrap have not finished.' };
  try {
    await getSql()`select 1`;
    return { ok: true };
  } catch {
    return { ok: false, detail: 'The database is not reachable.' };
  }
}

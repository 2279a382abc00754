import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import type { Import } from '@/lib/schemas/import';
import { getImportOrThrow, toImport } from './import-record';

/** GET /api/v2/imports/{id}: progress, counts and the first row errors. */
export async function getImport({ ctx, id }: { ctx: AuthContext; id: string }): Promise<Import> {
  return toImport(getDb(), await getImportOrThrow(getDb(), ctx, id));
}

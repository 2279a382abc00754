import { can, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { imports, type ImportRow } from '@/lib/db/schema';
import type { ImportListQuery } from '@/lib/schemas/import';
import type { SortKey } from '@/lib/services/shared/keyset';
import { listPage } from '@/lib/services/shared/list-query';
import { importScope, toImport } from './import-record';

const SORTS: Record<string, SortKey<ImportRow>> = {
  created_at: { column: imports.createdAt, value: (row) => row.createdAt.toISOString(), timestamp: true },
};

/** GET /api/v2/imports: the caller's imports (every import for CPO-wide writers), newest first. */
export async function listImports({ ctx, query }: { ctx: AuthContext; query: ImportListQuery }) {
  const { records, next_cursor } = await listPage({
    ctx,
    // Anyone who may import may list (their own) imports.
    permission: can(ctx, 'location:write') ? 'location:write' : 'station:write',
    endpoint: 'imports',
    query: { ...query, sort: '-created_at' },
    scope: importScope(ctx),
    sorts: SORTS,
    idColumn: imports.id,
    changedColumn: imports.createdAt,
    filters: [],
    fetch: ({ where, orderBy, limit }) =>
      getDb()
        .select()
        .from(imports)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
    rowOf: (row) => row,
  });
  return { data: await Promise.all(records.map((row) => toImport(getDb(), row))), next_cursor };
}

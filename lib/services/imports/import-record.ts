import { and, asc, eq, or } from 'drizzle-orm';
import { actorRef, tenantsWith, type AuthContext } from '@/lib/auth/context';
import type { Permission } from '@/lib/auth/permissions';
import type { Queryable } from '@/lib/db/client';
import { importRows, imports, type ImportRow } from '@/lib/db/schema';
import { isUuid } from '@/lib/domain/ids';
import type { ImportEntity } from '@/lib/domain/vocabulary';
import { notFound } from '@/lib/errors';
import { IMPORT_ERRORS_SHOWN, type Import } from '@/lib/schemas/import';
import { anyUuid } from '@/lib/services/shared/scope';

/** The permission each row of an import needs at least (the row's own verb checks the rest). */
export const IMPORT_PERMISSION: Record<ImportEntity, Permission> = { locations: 'location:write', charge_stations: 'station:write' };

/**
 * Who sees an import: the caller that started it, and whoever may write its entity in its tenant
 * (all tenants for a CPO-wide writer).
 */
export function importScope(ctx: AuthContext) {
  const byEntity = (['locations', 'charge_stations'] as const).map((entity) => {
    const tenants = tenantsWith(ctx, IMPORT_PERMISSION[entity]);
    if (tenants === null) return eq(imports.entity, entity);
    return tenants.length ? and(eq(imports.entity, entity), anyUuid(imports.tenantId, tenants)) : undefined;
  });
  return or(eq(imports.requestedBy, actorRef(ctx.actor)), ...byEntity);
}

export async function getImportOrThrow(db: Queryable, ctx: AuthContext, id: string): Promise<ImportRow> {
  if (!isUuid(id)) throw notFound('Import');
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.id, id), importScope(ctx)));
  if (!row) throw notFound('Import');
  return row;
}

/** The API representation, with the first row errors by line. */
export async function toImport(db: Queryable, row: ImportRow): Promise<Import> {
  const failed = await db
    .select({ line: importRows.line, errors: importRows.errors })
    .from(importRows)
    .where(and(eq(importRows.importId, row.id), eq(importRows.outcome, 'FAILED')))
    .orderBy(asc(importRows.line))
    .limit(IMPORT_ERRORS_SHOWN);
  const errors = failed.flatMap(({ line, errors }) => (errors ?? []).map((e) => ({ line, path: e.path, message: e.message })));
  return {
    id: row.id,
    status: row.status,
    entity: row.entity,
    dry_run: row.dryRun,
    total: row.total,
    processed: row.processed,
    created: row.created,
    updated: row.updated,
    failed: row.failed,
    errors: errors.slice(0, IMPORT_ERRORS_SHOWN),
    error: row.error,
    created_at: row.createdAt.toISOString(),
    finished_at: row.finishedAt?.toISOString() ?? null,
  };
}

import { eq } from 'drizzle-orm';
import { actorRef, requirePermission, tenantsWith, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { importRows, imports } from '@/lib/db/schema';
import type { ImportEntity } from '@/lib/domain/vocabulary';
import { AppError } from '@/lib/errors';
import type { Import } from '@/lib/schemas/import';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { announceImports } from './import-wakeup';
import { IMPORT_PERMISSION, toImport } from './import-record';
import { readImportFile, type ImportMediaType, type ParsedRow } from './read-import-file';

const INSERT_BATCH = 1000;

/** What a job shows until its upload completed: a crash mid-upload leaves it so, never half-queued. */
const UNFINISHED_UPLOAD = 'The upload did not finish.';

/**
 * POST /api/v2/imports: reads the file as it streams in and stores its rows with the job. No
 * transaction stays open while the client sends (up to 50 MiB at its pace): the job is written
 * first as FAILED ("the upload did not finish"), its rows in batches, and one short transaction at
 * the end queues it with its audit event. A file that is not CSV / NDJSON, has a wrong header or
 * is too large leaves nothing behind. The rows are applied later by the import worker
 * (run-imports.ts), so the job survives a restart.
 */
export async function createImport({
  ctx,
  entity,
  dryRun,
  mediaType,
  body,
}: {
  ctx: AuthContext;
  entity: ImportEntity;
  dryRun: boolean;
  mediaType: ImportMediaType;
  body: ReadableStream<Uint8Array> | null;
}): Promise<Import> {
  requirePermission(ctx, IMPORT_PERMISSION[entity]);
  if (!body) throw new AppError('bad_request', 'Send the file as the request body.');
  const writable = tenantsWith(ctx, IMPORT_PERMISSION[entity]);
  const db = getDb();
  const [job] = await db
    .insert(imports)
    .values({
      entity,
      dryRun,
      status: 'FAILED',
      error: UNFINISHED_UPLOAD,
      requestedBy: actorRef(ctx.actor),
      // The tenant its import.completed event belongs to: the caller's only one, else CPO-wide.
      tenantId: writable?.length === 1 ? writable[0]! : null,
      requestId: ctx.requestId ?? null,
    })
    .returning({ id: imports.id });
  const id = job!.id;
  let total = 0;
  try {
    let batch: ParsedRow[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await db
        .insert(importRows)
        .values(batch.map((row) => ({ importId: id, line: row.line, body: row.body, source: row.source, errors: row.errors })));
      batch = [];
    };
    for await (const row of readImportFile(body, mediaType, entity)) {
      batch.push(row);
      total += 1;
      if (batch.length === INSERT_BATCH) await flush();
    }
    await flush();
    if (total === 0) throw new AppError('validation', 'The file has no rows to import.');
  } catch (error) {
    await db.delete(imports).where(eq(imports.id, id));
    throw error;
  }
  const queued = writeTransaction(async (tx) => {
    const [stored] = await tx.update(imports).set({ status: 'QUEUED', error: null, total }).where(eq(imports.id, id)).returning();
    const shown = await toImport(tx, stored!);
    await recordAudit(tx, ctx, { action: 'import.created', entity: 'import', entityId: id, tenantId: stored!.tenantId, after: shown });
    return shown;
  });
  const created = await queued.catch(async (error) => {
    await db.delete(imports).where(eq(imports.id, id));
    throw error;
  });
  announceImports();
  return created;
}

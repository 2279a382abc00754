import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { systemContext, type AuthContext } from '@/lib/auth/context';
import { contextForActor } from '@/lib/auth/load-context';
import { getDb, type Queryable, type Tx } from '@/lib/db/client';
import { importRows, imports, type ImportRow, type ImportRowError } from '@/lib/db/schema';
import { getEnv } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { unavailableError } from '@/lib/services/faults';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import type { BatchOutcome } from '@/lib/services/charge-stations';
import { applyImportRow, createStationsTogether, rowTenant, type RowOutcome } from './apply-import-row';
import { toImport } from './import-record';

/** Rows per transaction: each row is a savepoint in it, the batch's outcomes commit with its changes. */
const BATCH_ROWS = 100;
/** A claimed job's lease, renewed before and by every batch; a job whose worker died is taken over after it. */
const LEASE_S = 60;
/** Batches applied at once, each on a connection of its own (while one waits for Postgres another runs). */
const MOST_PARALLEL_BATCHES = 4;

/** Parallel batches: a quarter of the pool at most, so the API keeps connections; one on a pool of one. */
const parallelBatches = () => Math.max(1, Math.min(MOST_PARALLEL_BATCHES, Math.floor(getEnv().DATABASE_POOL_MAX / 4)));

/**
 * What a row upserts by, as the upsert reads it: rows of one key land in one batch, in line order,
 * so the file's order holds for them.
 */
function rowKey(ctx: AuthContext, row: PendingRow): string {
  const body = row.body ?? {};
  if (typeof body.ocpp_id === 'string') return body.ocpp_id;
  if (typeof body.external_id === 'string') return `${rowTenant(ctx, body)}/${body.external_id.trim()}`;
  return String(row.line);
}

function partition(ctx: AuthContext, rows: PendingRow[], parts: number): PendingRow[][] {
  const groups: PendingRow[][] = Array.from({ length: parts }, () => []);
  for (const row of rows) {
    let hash = 0;
    for (const char of rowKey(ctx, row)) hash = (hash * 31 + char.charCodeAt(0)) | 0;
    groups[Math.abs(hash) % parts]!.push(row);
  }
  return groups.filter((group) => group.length);
}

type PendingRow = { line: number; body: Record<string, unknown> | null; errors: ImportRowError[] | null };
type Outcome = {
  line: number;
  outcome: 'CREATED' | 'UPDATED' | 'VALID' | 'FAILED';
  errors: ImportRowError[] | null;
  /** What the row did (in a dry run: would do). */
  applied?: RowOutcome;
};

/** The oldest open job no live worker holds, marked RUNNING under a fresh lease. */
async function claimImport(): Promise<ImportRow | null> {
  const [job] = await getDb().execute<{ id: string }>(sql`
    update imports set status = 'RUNNING', started_at = coalesce(started_at, clock_timestamp()),
      locked_until = clock_timestamp() + make_interval(secs => ${LEASE_S}), claim_token = ${randomUUID()}
    where id = (
      select id from imports
      where status in ('QUEUED', 'RUNNING') and (locked_until is null or locked_until < clock_timestamp())
      order by created_at limit 1
      for update skip locked)
    returning id`);
  if (!job) return null;
  const [row] = await getDb().select().from(imports).where(eq(imports.id, job.id));
  return row ?? null;
}

function rowErrors(error: unknown): ImportRowError[] {
  if (error instanceof AppError) return error.extra.errors?.length ? error.extra.errors : [{ path: '', message: error.detail }];
  return [{ path: '', message: 'the row could not be applied (unexpected error; see the server log)' }];
}

/** A row's outcome from createChargeStations. */
function outcomeOf(job: ImportRow, line: number, done: BatchOutcome): Outcome {
  if ('error' in done) return { line, outcome: 'FAILED', errors: rowErrors(done.error) };
  return { line, outcome: job.dryRun ? 'VALID' : 'CREATED', errors: null, applied: 'CREATED' };
}

/** One row, in savepoints of its own (apply-import-row.ts): applied whole, or undone whole and reported. */
async function applyRow(ctx: AuthContext, job: ImportRow, row: PendingRow): Promise<Outcome> {
  if (!row.body) return { line: row.line, outcome: 'FAILED', errors: row.errors };
  try {
    const outcome = await applyImportRow(ctx, job.entity, row.body);
    return { line: row.line, outcome: job.dryRun ? 'VALID' : outcome, errors: null, applied: outcome };
  } catch (error) {
    // A database fault is not the row's: the batch stops and is retried whole.
    if (unavailableError(error)) throw error;
    if (!(error instanceof AppError)) console.error(`import ${job.id} line ${row.line}`, error);
    return { line: row.line, outcome: 'FAILED', errors: rowErrors(error) };
  }
}

class LostClaimError extends Error {}

/**
 * Stores a batch's outcomes and counts, and renews the lease — only while this worker still holds
 * the job and the rows are still pending, else it throws and the batch is undone: a worker whose
 * lease ran out never applies rows another one took over.
 */
async function storeOutcomes(db: Queryable, job: ImportRow, outcomes: Outcome[]) {
  const counted = (what: Outcome['outcome']) => outcomes.filter((o) => (o.applied ?? o.outcome) === what).length;
  const held = await db.execute(sql`select 1 from imports where id = ${job.id} and claim_token = ${job.claimToken} for no key update`);
  if (!held.length) throw new LostClaimError(`import ${job.id}: another worker took the job over`);
  const rows = JSON.stringify(outcomes.map(({ line, outcome, errors }) => ({ line, outcome, errors })));
  const stored = await db.execute(sql`
    update import_rows r set outcome = v.outcome, errors = v.errors
    from json_to_recordset(${rows}::json) as v(line int, outcome text, errors jsonb)
    where r.import_id = ${job.id} and r.line = v.line and r.outcome = 'PENDING'
    returning r.line`);
  if (stored.length !== outcomes.length) throw new LostClaimError(`import ${job.id}: rows of this batch were applied by another worker`);
  await db
    .update(imports)
    .set({
      processed: sql`${imports.processed} + ${outcomes.length}`,
      created: sql`${imports.created} + ${counted('CREATED')}`,
      updated: sql`${imports.updated} + ${counted('UPDATED')}`,
      failed: sql`${imports.failed} + ${counted('FAILED')}`,
      lockedUntil: sql`clock_timestamp() + make_interval(secs => ${LEASE_S})`,
    })
    .where(eq(imports.id, job.id));
}

const DRY_RUN = Symbol('dry run: undo the batch');

/**
 * A batch of rows in one transaction. Committed with its outcomes, so a crash loses the batch
 * whole and the next worker applies it again: no row is applied twice. A dry run undoes the
 * batch's changes and keeps only the outcomes.
 */
async function applyBatch(ctx: AuthContext, job: ImportRow, rows: PendingRow[]): Promise<void> {
  let outcomes: Outcome[] = [];
  const work = async (tx: Tx) => {
    outcomes = [];
    const together = job.entity === 'charge_stations' ? await createStationsTogether(tx, ctx, rows) : new Map<number, BatchOutcome>();
    for (const row of rows) {
      const done = together.get(row.line);
      outcomes.push(done ? outcomeOf(job, row.line, done) : await applyRow(ctx, job, row));
    }
    outcomes.sort((a, b) => a.line - b.line);
    if (job.dryRun) throw DRY_RUN;
    await storeOutcomes(tx, job, outcomes);
  };
  if (!job.dryRun) return void (await writeTransaction(work));
  await writeTransaction(work).catch((error) => {
    if (error !== DRY_RUN) throw error;
  });
  await storeOutcomes(getDb(), job, outcomes);
}

async function finish(job: ImportRow, ctx: AuthContext, error: string | null): Promise<void> {
  await writeTransaction(async (tx) => {
    const [row] = await tx
      .update(imports)
      .set({ status: error ? 'FAILED' : 'SUCCEEDED', error, finishedAt: sql`clock_timestamp()`, lockedUntil: null })
      .where(and(eq(imports.id, job.id), eq(imports.claimToken, job.claimToken!), eq(imports.status, 'RUNNING')))
      .returning();
    if (!row) return; // another worker holds (or finished) the job
    await recordAudit(tx, ctx, {
      action: 'import.completed',
      entity: 'import',
      entityId: job.id,
      tenantId: job.tenantId,
      after: await toImport(tx, row!),
    });
  });
}

/**
 * One round of the import worker: claims a job and applies its pending rows batch by batch with the
 * caller's permissions as they are now. True when it ran a job (there may be more).
 */
export async function runImports(): Promise<boolean> {
  const job = await claimImport();
  if (!job) return false;
  const ctx = await contextForActor(getDb(), job.requestedBy);
  if (!ctx) {
    await finish(
      job,
      systemContext(job.requestId ?? undefined),
      'The caller that started the import can no longer act (disabled, revoked or expired).',
    );
    return true;
  }
  ctx.requestId = job.requestId ?? undefined;
  const parts = parallelBatches();
  try {
    for (;;) {
      const rows = await getDb()
        .select({ line: importRows.line, body: importRows.body, errors: importRows.errors })
        .from(importRows)
        .where(and(eq(importRows.importId, job.id), eq(importRows.outcome, 'PENDING')))
        .orderBy(asc(importRows.line))
        .limit(BATCH_ROWS * parts);
      if (!rows.length) break;
      const renewed = await getDb()
        .update(imports)
        .set({ lockedUntil: sql`clock_timestamp() + make_interval(secs => ${LEASE_S})` })
        .where(and(eq(imports.id, job.id), eq(imports.claimToken, job.claimToken!)))
        .returning({ id: imports.id });
      if (!renewed.length) return true; // taken over by another worker: it finishes the job
      // Every batch settles before the next window is read (a batch still running would be read again).
      const settled = await Promise.allSettled(partition(ctx, rows, parts).map((group) => applyBatch(ctx, job, group)));
      const failed = settled.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    }
  } catch (error) {
    if (error instanceof LostClaimError) return true;
    // A database fault (a deadlock between batches, a lost connection): the next round takes the
    // job up again at once instead of after the lease.
    await getDb()
      .update(imports)
      .set({ lockedUntil: null })
      .where(and(eq(imports.id, job.id), eq(imports.claimToken, job.claimToken!)))
      .catch(() => {});
    throw error;
  }
  await finish(job, ctx, null);
  return true;
}

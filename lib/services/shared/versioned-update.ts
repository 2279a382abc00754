import { eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { AuthContext } from '@/lib/auth/context';
import type { Tx } from '@/lib/db/client';
import type { AuditEntity } from '@/lib/domain/vocabulary';
import { parseOrThrow } from '@/lib/schemas/parse';
import { recordAudit } from './audit';
import { changedAt, writeTransaction } from './change-order';
import { assertVersion } from './if-match';
import { applyMergePatch, stripReadOnly } from './merge-patch';

type Fields = Record<string, unknown>;
type VersionedTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn };

/** What PUT / PATCH verbs are called with. */
export type UpdateVerbArgs = {
  ctx: AuthContext;
  id: string;
  /** The parsed JSON object of the request. */
  body: Record<string, unknown>;
  /** `replace` for PUT (left-out optional fields are cleared), `merge` for PATCH (RFC 7396). */
  mode: 'replace' | 'merge';
  /** From If-Match; a different current version answers 412 and changes nothing. */
  expectedVersion?: number;
};

/** What the verb's own steps get once the body is validated. */
export type Validated<Locked, Input> = {
  tx: Tx;
  locked: Locked;
  input: Input;
  /** The body without read-only and write-only fields: what the caller asked to change. */
  changes: Fields;
  /** The write-only fields the body sent (never part of the object, so never merged). */
  writeOnly: Fields;
};

/** PUT replaces; PATCH (RFC 7396) merges into the writable projection of what the caller sees. */
type Mode<Shown> = { mode: 'replace' } | { mode: 'replace' | 'merge'; writable: (shown: Shown) => Fields };

export type VersionedUpdate<Locked extends { current: { version: number } }, Input, Plan, Table extends VersionedTable, Result> = Mode<
  Locked['current']
> & {
  ctx: AuthContext;
  id: string;
  /** The request body, or how to derive it from the locked object (verbs that edit one part of it). */
  body: Fields | ((current: Locked['current']) => Fields);
  /** From If-Match; another current version answers 412 and changes nothing. */
  expectedVersion?: number;
  /** How a 412 names the object. */
  noun: string;
  /**
   * The scoped lookup with the row locked FOR UPDATE: 404 when missing or outside the caller's scope.
   * Declare its parameter as `(tx: Tx)`: TypeScript then infers `Locked` from it before the other steps.
   */
  lock: (tx: Tx) => Promise<Locked>;
  /** 403 unless the caller may send this body; checks that depend on the validated change go in `check`. */
  authorize?: (locked: Locked, body: Fields) => void;
  /** The object as the caller sees it, when that is less than `current` (read-only echoes and merges compare with it). */
  shown?: (locked: Locked) => Locked['current'];
  /** Fields a body may echo but never change (422 otherwise). */
  readOnly: readonly string[];
  /** Write-only fields (secrets): taken out before the merge and handed to the later steps in `writeOnly`. */
  writeOnly?: readonly string[];
  /** Read-only checks below the top level, e.g. inside a list of sub-objects. */
  stripNested?: (changes: Fields, locked: Locked) => Fields;
  schema: z.ZodType<Input>;
  /** Checks of the validated change that need the database or further permissions (403 / 409 / 422). */
  check?: (v: Validated<Locked, Input>) => Promise<Plan>;
  /** A unique key: checked before the write (409), and a lost race with a concurrent writer mapped to the same 409. */
  unique?: {
    assertFree: (v: Validated<Locked, Input>) => Promise<void>;
    asClash: (error: unknown, v: Validated<Locked, Input>) => Promise<unknown>;
  };
  table: Table;
  /** The main row's new values; the pipeline adds the version bump and updated_at. */
  columns: (v: Validated<Locked, Input>, plan: Plan) => PgUpdateSetSource<Table> | Promise<PgUpdateSetSource<Table>>;
  /** Writes what changed beside the main row and returns the object as GET shows it (reloading only what changed). */
  finish: (v: Validated<Locked, Input>, row: Table['$inferSelect'], plan: Plan) => Promise<Result>;
  audit: {
    action: `${AuditEntity}.${string}`;
    entity: AuditEntity;
    tenantId: (v: Validated<Locked, Input>, result: Result, plan: Plan) => string | null;
    /** The "after" side when it is not the result itself (e.g. to note a changed secret). */
    after?: (result: Result, v: Validated<Locked, Input>) => Fields;
  };
};

/**
 * The one way an object is updated through PUT / PATCH: in one transaction with the change-order
 * lock, lock the row (404) → permission (403) → If-Match (412) → read-only fields (422) → merge or
 * replace → schema (422) → the verb's checks → unique key (409) → write with `version + 1` →
 * audit with before and after. The order is part of the contract: another tenant's object is a
 * 404, never a 403, and a stale version is reported before anything about the body.
 */
export async function versionedUpdate<Locked extends { current: { version: number } }, Input, Plan, Table extends VersionedTable, Result>(
  spec: VersionedUpdate<Locked, Input, Plan, Table, Result>,
): Promise<Result> {
  let validated: Validated<Locked, Input> | undefined;
  return writeTransaction(async (tx) => {
    const locked = await spec.lock(tx);
    const body = typeof spec.body === 'function' ? spec.body(locked.current) : spec.body;
    spec.authorize?.(locked, body);
    assertVersion(spec.noun, locked.current.version, spec.expectedVersion);

    const shown = spec.shown?.(locked) ?? locked.current;
    const stripped = stripReadOnly(body, shown, spec.readOnly);
    const writeOnly: Fields = {};
    for (const key of spec.writeOnly ?? []) {
      if (!(key in stripped)) continue;
      writeOnly[key] = stripped[key];
      delete stripped[key];
    }
    const changes = spec.stripNested ? spec.stripNested(stripped, locked) : stripped;
    const next = spec.mode === 'merge' ? applyMergePatch(spec.writable(shown), changes) : changes;
    const v: Validated<Locked, Input> = { tx, locked, input: parseOrThrow(spec.schema, next), changes, writeOnly };
    validated = v;

    const plan = (await spec.check?.(v)) as Plan;
    await spec.unique?.assertFree(v);
    const [row] = (await tx
      .update(spec.table)
      .set({ ...(await spec.columns(v, plan)), version: sql`${spec.table.version} + 1`, updatedAt: changedAt } as PgUpdateSetSource<Table>)
      .where(eq(spec.table.id, spec.id))
      .returning()) as Table['$inferSelect'][];
    const result = await spec.finish(v, row!, plan);
    await recordAudit(tx, spec.ctx, {
      action: spec.audit.action,
      entity: spec.audit.entity,
      entityId: spec.id,
      tenantId: spec.audit.tenantId(v, result, plan),
      before: locked.current,
      after: spec.audit.after ? spec.audit.after(result, v) : (result as Fields),
    });
    return result;
  }).catch(async (error) => {
    throw validated && spec.unique ? await spec.unique.asClash(error, validated) : error;
  });
}

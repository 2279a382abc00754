import { getSql } from '@/lib/db/client';

/**
 * What a rejected request may legitimately change, and why:
 * - `idempotency_keys`: a POST with an Idempotency-Key stores its answer, error answers included,
 *   so a retry replays it (SPEC 3);
 * - `api_keys.last_used_at`: authentication stamps the key's last use (at most once a minute);
 * - tables named `*rate_limit*` / `*throttle*`: every request counts against its caller's budget.
 * Everything else, every column of every table, must be byte-identical after a rejected request.
 */
const SKIPPED_TABLE = /idempotency|rate_limit|throttle/;
const SKIPPED_COLUMNS: Record<string, string[]> = { api_keys: ['last_used_at'] };

export type Checksums = Record<string, string>;

let query: string | undefined;
let writes: string | undefined;

/**
 * A test-only statement trigger on every compared table bumps one sequence (a sequence is not
 * rolled back, so even an aborted write counts): while it stands still no statement touched those
 * tables and the md5s cannot have changed, so `checksums` skips them. Own database only.
 */
async function countWrites(tables: string[]) {
  const sql = getSql();
  await sql.unsafe(`create sequence if not exists fuzz_writes;
    create or replace function fuzz_count_write() returns trigger language plpgsql as $$ begin perform nextval('fuzz_writes'); return null; end $$;`);
  for (const table of tables) {
    await sql.unsafe(
      `create or replace trigger fuzz_count_write after insert or update or delete or truncate on "${table}" for each statement execute function fuzz_count_write()`,
    );
  }
  writes = `select last_value::text as value, is_called from fuzz_writes`;
}

/** The tables compared, with the columns left out (for the report). */
export async function checksumPlan(): Promise<{ tables: string[]; skippedTables: string[]; skippedColumns: Record<string, string[]> }> {
  const columns = await getSql()<{ table: string; column: string }[]>`
    select table_name as table, column_name as column from information_schema.columns
    where table_schema = 'public' and table_name in (select tablename from pg_tables where schemaname = 'public')
    order by table_name, ordinal_position`;
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) byTable.set(table, [...(byTable.get(table) ?? []), column]);
  const all = [...byTable.keys()];
  const tables = all.filter((t) => !SKIPPED_TABLE.test(t));
  query ??= tables
    .map((table) => {
      const kept = byTable.get(table)!.filter((c) => !SKIPPED_COLUMNS[table]?.includes(c));
      const row = `row(${kept.map((c) => `t."${c}"`).join(', ')})::text`;
      return `select '${table}' as table, md5(coalesce(string_agg(${row}, e'\\n' order by ${row}), '')) as sum from "${table}" t`;
    })
    .join(' union all ');
  if (!writes) await countWrites(tables);
  return { tables, skippedTables: all.filter((t) => SKIPPED_TABLE.test(t)), skippedColumns: SKIPPED_COLUMNS };
}

let last: { writes: string; sums: Checksums } | undefined;

/** md5 of every row of every compared table, one entry per table (recomputed only after a write). */
export async function checksums(): Promise<Checksums> {
  if (!query) await checksumPlan();
  const [counter] = await getSql().unsafe<{ value: string; is_called: boolean }[]>(writes!);
  const seen = `${counter!.value}:${counter!.is_called}`;
  if (last?.writes === seen) return last.sums;
  const rows = await getSql().unsafe<{ table: string; sum: string }[]>(query!);
  last = { writes: seen, sums: Object.fromEntries(rows.map((r) => [r.table, r.sum])) };
  return last.sums;
}

/** Tables whose checksum differs. */
export const changedTables = (before: Checksums, after: Checksums) => Object.keys(before).filter((t) => before[t] !== after[t]);

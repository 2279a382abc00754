import { and, asc, eq, gt } from 'drizzle-orm';
import { stringify } from 'csv-stringify/sync';
import type { AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { importRows } from '@/lib/db/schema';
import { getImportOrThrow } from './import-record';

const PAGE = 1000;

/**
 * GET /api/v2/imports/{id}/error-report: the failed rows as CSV — their line, their messages, and the
 * row as uploaded (a CSV row's cells under its header; an NDJSON line as `source`), so the file
 * can be fixed and uploaded again (rows that succeeded are upserted again unchanged).
 */
export async function importErrorReport({ ctx, id }: { ctx: AuthContext; id: string }): Promise<ReadableStream<Uint8Array>> {
  await getImportOrThrow(getDb(), ctx, id);
  const encoder = new TextEncoder();
  let afterLine = 0;
  let header: string[] | null = null;
  return new ReadableStream({
    async pull(controller) {
      const rows = await getDb()
        .select({ line: importRows.line, source: importRows.source, errors: importRows.errors })
        .from(importRows)
        .where(and(eq(importRows.importId, id), eq(importRows.outcome, 'FAILED'), gt(importRows.line, afterLine)))
        .orderBy(asc(importRows.line))
        .limit(PAGE);
      if (!header) {
        const first = rows[0]?.source;
        header = ['line', 'errors', ...(first && typeof first === 'object' ? Object.keys(first) : ['source'])];
        controller.enqueue(encoder.encode(stringify([header])));
      }
      if (!rows.length) return controller.close();
      afterLine = rows.at(-1)!.line;
      const cells = rows.map(({ line, source, errors }) => [
        String(line),
        (errors ?? []).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '),
        ...(typeof source === 'object' ? header!.slice(2).map((name) => source[name] ?? '') : [source]),
      ]);
      controller.enqueue(encoder.encode(stringify(cells)));
    },
  });
}

import { stringify } from 'csv-stringify/sync';

/**
 * Streams resources as NDJSON (one JSON object per line, shaped as GET returns it, verbatim) or CSV
 * (header row; arrays and objects as JSON in their cell; text that a spreadsheet would run as a
 * formula gets a leading `'`, see `csvCell`). Batches of rows are pulled from the source only as
 * fast as the client reads, one chunk of the body each, so memory stays bounded whatever the size.
 */
export async function exportResponse<T extends Record<string, unknown>>(
  batches: AsyncIterable<T[]>,
  format: 'csv' | 'ndjson',
  columns: readonly (keyof T & string)[],
  filename: string,
): Promise<Response> {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.asyncIterator]();
  // Fetch the first batch before answering, so a refused or invalid export is a proper error status.
  let pending: IteratorResult<T[]> | undefined = await iterator.next();
  // One string per batch (one CSV stringifier per batch, not per row): fewer allocations.
  const text =
    format === 'ndjson'
      ? (rows: T[]) => rows.map((row) => `${JSON.stringify(row)}\n`).join('')
      : (rows: T[]) => stringify(rows.map((row) => columns.map((c) => csvCell(row[c]))));

  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (format === 'csv') controller.enqueue(encoder.encode(stringify([columns as string[]])));
    },
    async pull(controller) {
      const next = pending ?? (await iterator.next());
      pending = undefined;
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(text(next.value)));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson',
      'content-disposition': `attachment; filename="${filename}.${format}"`,
    },
  });
}

/** A spreadsheet reads a cell starting with one of these as a formula (or strips them into one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Text starting like a formula is prefixed with `'` (OWASP's CSV-injection advice);
 * numbers stay numbers, so a longitude of -0.12 is still -0.12. JSON cells start with `{`, `[` or
 * `"` and never need it.
 */
export function csvCell(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'string') return FORMULA_START.test(value) ? `'${value}` : value;
  return value as number | boolean;
}

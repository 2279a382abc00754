import { once } from 'node:events';
import { CsvError, parse } from 'csv-parse';
import type { z } from 'zod';
import type { ImportRowError } from '@/lib/db/schema';
import type { ImportEntity } from '@/lib/domain/vocabulary';
import { AppError } from '@/lib/errors';
import { chargeStationCreateSchema } from '@/lib/schemas/charge-station';
import { IMPORT_MAX_BYTES } from '@/lib/schemas/import';
import { locationCreateSchema } from '@/lib/schemas/location';

/** One line of an import file as stored: the create body, or why the line is not one. */
export type ParsedRow = {
  line: number;
  body: Record<string, unknown> | null;
  source: Record<string, string> | string;
  errors: ImportRowError[] | null;
};

export const IMPORT_MEDIA_TYPES = ['text/csv', 'application/x-ndjson'] as const;
export type ImportMediaType = (typeof IMPORT_MEDIA_TYPES)[number];

const CREATE_SCHEMAS: Record<ImportEntity, z.ZodObject> = {
  locations: locationCreateSchema as unknown as z.ZodObject,
  charge_stations: chargeStationCreateSchema as unknown as z.ZodObject,
};

type Cell = 'string' | 'number' | 'boolean' | 'list' | 'json';

/** The zod type under optional / nullable / default wrappers. */
function baseType(schema: z.ZodType): z.core.$ZodTypeDef {
  const def = (schema as unknown as { _zod: { def: z.core.$ZodTypeDef & { innerType?: z.ZodType; in?: z.ZodType } } })._zod.def;
  if (def.innerType && ['optional', 'nullable', 'default', 'readonly', 'nonoptional'].includes(def.type)) return baseType(def.innerType);
  if (def.type === 'pipe' && def.in) return baseType(def.in);
  return def;
}

function cellKind(schema: z.ZodType): Cell {
  const def = baseType(schema) as z.core.$ZodTypeDef & { element?: z.ZodType };
  if (def.type === 'number') return 'number';
  if (def.type === 'boolean') return 'boolean';
  if (def.type === 'array') return ['string', 'enum'].includes(baseType(def.element!).type) ? 'list' : 'json';
  if (def.type === 'object' || def.type === 'record') return 'json';
  return 'string';
}

/**
 * The CSV columns of an entity: the API's create fields by name, `coordinates` as `latitude` and
 * `longitude`; lists of words `;`-separated; nested objects (EVSEs, opening times) as JSON text.
 */
export function csvColumns(entity: ImportEntity): Map<string, Cell> {
  const columns = new Map<string, Cell>();
  for (const [name, field] of Object.entries(CREATE_SCHEMAS[entity].shape)) {
    if (name === 'coordinates') {
      columns.set('latitude', 'number');
      columns.set('longitude', 'number');
    } else if (name !== 'ocpp_password') columns.set(name, cellKind(field as z.ZodType));
  }
  return columns;
}

/** A cell as the API value: numbers and booleans typed when they read as such (else left for the schema to reject). */
function cellValue(kind: Cell, text: string): unknown {
  if (kind === 'number') return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  if (kind === 'boolean') return /^(true|false)$/i.test(text) ? text.toLowerCase() === 'true' : text;
  if (kind === 'list')
    return text
      .split(';')
      .map((item) => item.trim())
      .filter(Boolean);
  if (kind === 'json') {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** The create body of one CSV record: empty cells are left out. */
function csvBody(record: Record<string, string>, columns: Map<string, Cell>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(record)) {
    const text = raw.trim();
    if (!text) continue;
    if (name === 'latitude' || name === 'longitude') {
      const coordinates = (body.coordinates ??= {}) as Record<string, unknown>;
      coordinates[name] = cellValue('number', text);
    } else body[name] = cellValue(columns.get(name)!, text);
  }
  return body;
}

const NUL = '\u0000';
/** Postgres text cannot hold U+0000: such a row fails alone, and is kept for the report with it replaced. */
const NUL_ERROR = { path: '', message: 'contains a NUL character (U+0000), which cannot be stored' };
const storable = (text: string) => text.replaceAll(NUL, '\uFFFD');

const tooLarge = () => new AppError('payload_too_large', `An import file may have at most ${IMPORT_MAX_BYTES / 1024 / 1024} MiB.`);

/** The body's chunks, counted as they stream: past the limit it stops (413) before anything more is parsed. */
async function* limitedChunks(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new AppError('bad_request', 'The request body ended before it was complete.');
    });
    if (done) return;
    size += value.byteLength;
    if (size > IMPORT_MAX_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    yield value;
  }
}

function checkHeader(header: string[], columns: Map<string, Cell>): string[] {
  const names = header.map((name) => name.trim());
  const unknown = names.filter((name) => !columns.has(name));
  const repeated = names.filter((name, i) => names.indexOf(name) !== i);
  const errors = [
    ...unknown.map((name) => ({ path: '', message: `line 1: unknown column "${name}"` })),
    ...[...new Set(repeated)].map((name) => ({ path: '', message: `line 1: column "${name}" appears twice` })),
  ];
  if (errors.length) {
    throw new AppError(
      'validation',
      `The CSV header must name fields of the API's create body; allowed: ${[...columns.keys()].join(', ')}.`,
      { errors },
    );
  }
  return names;
}

async function* readCsv(chunks: AsyncGenerator<Uint8Array>, entity: ImportEntity): AsyncGenerator<ParsedRow> {
  const columns = csvColumns(entity);
  let names: string[] | undefined;
  const parser = parse({ bom: true, info: true, skip_empty_lines: true, max_record_size: 1024 * 1024 });
  // Fed by hand so a fault of the body (413, a cut connection) ends the parse with that error.
  void (async () => {
    try {
      for await (const chunk of chunks) if (!parser.write(chunk)) await once(parser, 'drain');
      parser.end();
    } catch (error) {
      parser.destroy(error as Error);
    }
  })();
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; records: number } }>) {
      if (!names) {
        names = checkHeader(record, columns);
        continue;
      }
      const source = Object.fromEntries(names.map((name, i) => [name, storable(record[i] ?? '')]));
      // info.lines is where the record ended; a quoted field may span lines, so count back.
      const line = info.lines - (record.join('').match(/\n/g)?.length ?? 0);
      if (record.some((cell) => cell.includes(NUL))) yield { line, body: null, source, errors: [NUL_ERROR] };
      else yield { line, body: csvBody(source, columns), source, errors: null };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new AppError('bad_request', `The file is not valid CSV: ${error.message}`, {
        errors: [{ path: '', message: error.message }],
      });
    }
    throw error;
  }
  if (!names) throw new AppError('validation', 'The CSV file is empty: it needs a header row and at least one row.');
}

/** Lines of UTF-8 text, `\n` or `\r\n` ended. */
async function* textLines(chunks: AsyncGenerator<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  const decode = (chunk?: Uint8Array) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new AppError('bad_request', 'The file is not UTF-8 text.');
    }
  };
  for await (const chunk of chunks) {
    const lines = (rest + decode(chunk)).split('\n');
    rest = lines.pop()!;
    for (const line of lines) yield line.replace(/\r$/, '');
  }
  rest += decode();
  if (rest) yield rest.replace(/\r$/, '');
}

async function* readNdjson(chunks: AsyncGenerator<Uint8Array>): AsyncGenerator<ParsedRow> {
  let line = 0;
  for await (const text of textLines(chunks)) {
    line += 1;
    if (!text.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      yield { line, body: null, source: text, errors: [{ path: '', message: `not JSON: ${(error as Error).message}` }] };
      continue;
    }
    if (text.includes(NUL) || JSON.stringify(value).includes('\\u0000')) {
      yield { line, body: null, source: storable(text), errors: [NUL_ERROR] };
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      yield { line, body: null, source: text, errors: [{ path: '', message: 'must be a JSON object (one create body a line)' }] };
      continue;
    }
    yield { line, body: value as Record<string, unknown>, source: text, errors: null };
  }
}

/** The rows of an uploaded file, streamed: bytes counted (413), CSV or NDJSON parsed a record at a time. */
export function readImportFile(body: ReadableStream<Uint8Array>, mediaType: ImportMediaType, entity: ImportEntity) {
  const chunks = limitedChunks(body);
  return mediaType === 'text/csv' ? readCsv(chunks, entity) : readNdjson(chunks);
}

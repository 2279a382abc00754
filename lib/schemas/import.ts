import { z } from 'zod';
import { IMPORT_ENTITIES, IMPORT_STATUSES } from '@/lib/domain/vocabulary';
import { count, int, listOf, listQueryBase, queryBoolean, timestamp, uuid } from './common';

/** Most bytes an import file may have; counted while it streams in. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/** Row errors shown in the import itself; the error report has them all. */
export const IMPORT_ERRORS_SHOWN = 100;

export const importQuerySchema = z
  .object({
    entity: z.enum(IMPORT_ENTITIES).describe('What each row creates or updates'),
    dry_run: queryBoolean().default(false).describe('true: validate every row and report, write nothing'),
  })
  .strict();
export type ImportQuery = z.infer<typeof importQuerySchema>;

export const importRowErrorSchema = z
  .object({
    line: int(1, 2 ** 31 - 1).describe('The line of the file the row starts on (the CSV header is line 1)'),
    path: z.string().max(200).describe('JSON pointer into the row’s create body; empty for the row as a whole'),
    message: z.string().max(2000),
  })
  .meta({ id: 'ImportRowError' });

export const importSchema = z
  .object({
    id: uuid(),
    status: z.enum(IMPORT_STATUSES),
    entity: z.enum(IMPORT_ENTITIES),
    dry_run: z.boolean(),
    total: count().describe('Rows in the file'),
    processed: count(),
    created: count().describe('Rows that created an object (in a dry run: would create)'),
    updated: count().describe('Rows that updated the object with their external_id / ocpp_id (dry run: would update)'),
    failed: count(),
    errors: z
      .array(importRowErrorSchema)
      .max(IMPORT_ERRORS_SHOWN)
      .describe(`The first ${IMPORT_ERRORS_SHOWN} row errors by line; GET …/{id}/error-report has every failed row`),
    error: z.string().max(2000).nullable().describe('Why the whole job failed (the caller lost its access); null otherwise'),
    created_at: timestamp(),
    finished_at: timestamp().nullable(),
  })
  .meta({ id: 'Import' });
export type Import = z.infer<typeof importSchema>;

export const importListQuerySchema = z.object({ limit: listQueryBase.limit, cursor: listQueryBase.cursor }).strict();
export type ImportListQuery = z.infer<typeof importListQuerySchema>;
export const importListSchema = listOf(importSchema).meta({ id: 'ImportList' });

import { z } from 'zod';
import { defineEndpoint } from '@/lib/http/endpoint';
import { AppError } from '@/lib/errors';
import { idParams } from '@/lib/schemas/common';
import { IMPORT_MAX_BYTES, importListQuerySchema, importListSchema, importQuerySchema, importSchema } from '@/lib/schemas/import';
import { createImport, getImport, importErrorReport, listImports } from '@/lib/services/imports';
import { listEndpoint } from './resource-endpoints';

const tag = 'Imports';

const MEDIA_TYPES = ['text/csv', 'application/x-ndjson'] as const;

const csvExample =
  'external_id,name,address,city,postal_code,country,latitude,longitude,facilities\nSF-0042,Parkzicht,Parklaan 12,Utrecht,3581 AB,NLD,52.09,5.12,PARKING_LOT;CAFE\n';
const ndjsonExample =
  '{"ocpp_id":"CS-PARKZICHT-01","charger_type":"AC","name":"Parkzicht 1","evses":[{"connectors":[{"id":"1","standard":"IEC_62196_T2","format":"SOCKET","power_type":"AC_3_PHASE","max_voltage":400,"max_amperage":32}]}]}\n';

export const createImportEndpoint = defineEndpoint({
  method: 'POST',
  path: '/api/v2/imports',
  operationId: 'createImport',
  summary: 'Import a file of locations or charge stations',
  description: `Streams the file in (at most ${IMPORT_MAX_BYTES / 1024 / 1024} MiB, 413 beyond) and answers 202 with the queued job; poll GET …/imports/{id} for progress. Rows upsert by \`external_id\` (locations, within the row's tenant) or \`ocpp_id\` (stations), each whole or not at all, with the validation, permissions, audit and webhook events of the API's own create and update. A CSV whose quotes do not balance is a 400; an unknown column in its header a 422; both store nothing. Re-running a file is idempotent.`,
  tag,
  query: importQuerySchema,
  upload: {
    description:
      'text/csv: a header row of the API’s create fields (`coordinates` as `latitude`, `longitude`; lists `;`-separated; nested objects such as `evses` as JSON text); empty cells are left out. application/x-ndjson: one create body a line.',
    media: {
      'text/csv': { schema: z.string().max(IMPORT_MAX_BYTES), example: csvExample },
      'application/x-ndjson': { schema: z.string().max(IMPORT_MAX_BYTES), example: ndjsonExample },
    },
  },
  success: { status: 202, description: 'The import, queued', schema: importSchema, headers: ['Location'] },
  handler: async ({ ctx, query, request }) => {
    const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() ?? '';
    if (!(MEDIA_TYPES as readonly string[]).includes(mediaType)) {
      throw new AppError('unsupported_media_type', `Send the file as ${MEDIA_TYPES.join(' or ')}.`);
    }
    if (Number(request.headers.get('content-length') ?? 0) > IMPORT_MAX_BYTES) {
      throw new AppError('payload_too_large', `An import file may have at most ${IMPORT_MAX_BYTES / 1024 / 1024} MiB.`);
    }
    const created = await createImport({
      ctx,
      entity: query.entity,
      dryRun: query.dry_run,
      mediaType: mediaType as (typeof MEDIA_TYPES)[number],
      body: request.body,
    });
    return Response.json(created, { status: 202, headers: { location: `/api/v2/imports/${created.id}` } });
  },
});

export const listImportsEndpoint = listEndpoint({
  path: '/api/v2/imports',
  tag,
  name: 'Imports',
  noun: 'imports',
  description: 'The caller’s imports, newest first; CPO-wide writers see every import of their entity.',
  query: importListQuerySchema,
  schema: importListSchema,
  run: listImports,
});

export const getImportEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/imports/{id}',
  operationId: 'getImport',
  summary: 'Get an import',
  description: 'Status, progress (`processed` of `total`), counts and the first row errors by line.',
  tag,
  params: idParams,
  success: { status: 200, description: 'The import', schema: importSchema },
  handler: async ({ ctx, params }) => Response.json(await getImport({ ctx, id: params.id })),
});

export const importErrorReportEndpoint = defineEndpoint({
  method: 'GET',
  path: '/api/v2/imports/{id}/error-report',
  operationId: 'getImportErrorReport',
  summary: 'Download the error report of an import',
  description: 'CSV of the failed rows: `line`, `errors`, then the row as uploaded.',
  tag,
  params: idParams,
  success: { status: 200, description: 'The failed rows', media: { 'text/csv': z.string() } },
  handler: async ({ ctx, params }) =>
    new Response(await importErrorReport({ ctx, id: params.id }), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="import-${params.id}-errors.csv"`,
      },
    }),
});

export const importsEndpoints = [createImportEndpoint, listImportsEndpoint, getImportEndpoint, importErrorReportEndpoint];

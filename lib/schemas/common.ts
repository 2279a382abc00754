import { z } from 'zod';

/**
 * Text as the API accepts it: no U+0000 (Postgres cannot store it) and no lone surrogates
 * (not valid Unicode), so bad input is a 422 and never a database error.
 */
export const text = () =>
  z
    .string()
    .refine((s) => !s.includes('\u0000'), 'must not contain U+0000')
    .refine((s) => s.isWellFormed(), 'must not contain lone surrogates');

export const uuid = () => z.uuid({ version: 'v4', error: 'must be a UUID' });

/** RFC 3339 UTC timestamp in responses. */
export const timestamp = () => z.iso.datetime({ offset: false });
export const dateOnly = () => z.iso.date();

export const entityMeta = {
  version: z.number().int().positive(),
  created_at: timestamp(),
  updated_at: timestamp(),
};

/** Every list answers `{data, next_cursor}`; next_cursor is null on the last page. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), next_cursor: z.string().nullable() });

/** Query-string booleans: only the literal words, anything else is a 400. */
export const queryBoolean = () => z.enum(['true', 'false']).transform((v) => v === 'true');

/** Parse `date_from` / `date_to`: RFC 3339 (with offset) or a plain date. */
export const queryDate = () =>
  z.union([z.iso.datetime({ offset: true }), z.iso.date()]).transform((v) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v));

export const listQueryBase = {
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().min(1).max(2048).optional(),
  date_from: queryDate().optional(),
  date_to: queryDate().optional(),
  tenant: uuid()
    .transform((id) => id.toLowerCase())
    .optional()
    .describe('Only this tenant; one outside the caller’s scope gives an empty list'),
  q: text().trim().min(1).max(200).optional(),
  custom_group: text().min(1).max(64).optional(),
  include_deleted: queryBoolean().optional(),
};

export const customGroupNames = () => z.array(text().trim().min(1).max(64)).max(100);

/** `format` of the export endpoints. */
export const exportFormat = () =>
  z.enum(['csv', 'ndjson']).describe('ndjson: one resource per line; csv: header row, arrays/objects as JSON');

/** Path parameter of single-object endpoints (any string: an unknown id is a 404, not a 400). */
export const idParams = z.object({ id: z.string().min(1).max(200).describe('The object id (UUID)') });

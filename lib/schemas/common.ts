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

// Every string, array and integer has a bound in the OpenAPI document (Spectral's OWASP rules):
// a UUID or a timestamp is short by its format, and saying so costs nothing.
export const uuid = () => z.uuid({ version: 'v4', error: 'must be a UUID' }).max(36);

/** RFC 3339: 35 characters hold nanoseconds and an offset. */
const TIMESTAMP_MAX = 40;
/** RFC 3339 UTC timestamp in responses. */
export const timestamp = () => z.iso.datetime({ offset: false }).max(TIMESTAMP_MAX);
export const dateOnly = () => z.iso.date().max(10);

const INT32_MAX = 2 ** 31 - 1;
/** An integer within bounds, documented as int32 (or int64 when the bounds need it). */
export const int = (min: number, max: number) =>
  z
    .int()
    .min(min)
    .max(max)
    .meta({ format: min >= -INT32_MAX - 1 && max <= INT32_MAX ? 'int32' : 'int64' });
/** Non-negative counters and versions (Postgres `integer`). */
export const count = () => int(0, INT32_MAX);

/** `user:<uuid>`, `api_key:<uuid>` or `system`. */
export const ACTOR_MAX = 44;

export const entityMeta = {
  version: int(1, INT32_MAX),
  created_at: timestamp(),
  updated_at: timestamp(),
};

export const CUSTOM_GROUP_NAME_MAX = 64;
export const CUSTOM_GROUPS_MAX = 100;

/** Most items a list page holds (`limit` 1–1000). */
export const PAGE_MAX = 1000;
/** Cursors are opaque and at most this long, as issued and as accepted. */
export const CURSOR_MAX = 2048;

/** Every list answers `{data, next_cursor}`; next_cursor is null on the last page. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item).max(PAGE_MAX), next_cursor: z.string().max(CURSOR_MAX).nullable() });

/** Query-string booleans: only the literal words, anything else is a 400. */
export const queryBoolean = () => z.enum(['true', 'false']).transform((v) => v === 'true');

/** Parse `date_from` / `date_to`: RFC 3339 (with offset) or a plain date. */
export const queryDate = () =>
  z
    .union([z.iso.datetime({ offset: true }).max(TIMESTAMP_MAX), dateOnly()])
    .transform((v) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v));

/**
 * A query-string whole number in [min, max]: decimal digits only, so `0x10`, `1e2`, `+1` or ` 1`
 * `01` are a 400 rather than read as numbers (what z.coerce would do).
 */
export const queryInt = (min: number, max: number) =>
  z
    .string()
    .regex(/^(0|[1-9]\d{0,8})$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))
    .meta({ type: 'integer', format: 'int32', minimum: min, maximum: max });

/** A query-string decimal number in [min, max], written plainly (`12`, `12.5`). */
export const queryDecimal = (min: number, max: number) =>
  z
    .string()
    .regex(/^(0|[1-9]\d{0,8})(\.\d{1,9})?$/, 'must be a decimal number such as 250 or 250.5')
    .transform(Number)
    .pipe(z.number().min(min).max(max))
    .meta({ type: 'number', minimum: min, maximum: max });

export const listQueryBase = {
  limit: queryInt(1, PAGE_MAX).default(100),
  cursor: z.string().min(1).max(CURSOR_MAX).optional(),
  date_from: queryDate().optional(),
  date_to: queryDate().optional(),
  tenant: uuid()
    .transform((id) => id.toLowerCase())
    .optional()
    .describe('Only this tenant; one outside the caller’s scope gives an empty list'),
  q: text().trim().min(1).max(200).optional(),
  custom_group: text().min(1).max(CUSTOM_GROUP_NAME_MAX).optional(),
  include_deleted: queryBoolean().optional(),
};

export const customGroupNames = () => z.array(text().trim().min(1).max(CUSTOM_GROUP_NAME_MAX)).max(CUSTOM_GROUPS_MAX);
/** Custom groups as responses carry them. */
export const customGroupList = () => z.array(z.string().max(CUSTOM_GROUP_NAME_MAX)).max(CUSTOM_GROUPS_MAX);

/** `format` of the export endpoints. */
export const exportFormat = () =>
  z.enum(['csv', 'ndjson']).describe('ndjson: one resource per line; csv: header row, arrays/objects as JSON');

/** Path parameter of single-object endpoints (any string: an unknown id is a 404, not a 400). */
export const idParams = z.object({ id: z.string().min(1).max(200).describe('The object id (UUID)') });

import { z } from 'zod';
import { count, dateOnly, entityMeta, int, listOf, listQueryBase, text, timestamp, uuid } from './common';

export const PRICE_COMPONENT_TYPES = ['ENERGY', 'FLAT', 'PARKING_TIME', 'TIME'] as const;
export const DAYS_OF_WEEK = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
export const RESERVATION_RESTRICTIONS = ['RESERVATION', 'RESERVATION_EXPIRES'] as const;

export const TARIFF_ID_PATTERN = /^[A-Z0-9_-]{1,36}$/;
export const TARIFF_CODE_MAX = 36;
/** Tenants one tariff may be offered to by name. */
const OFFERED_TENANTS_MAX = 1000;
const ELEMENTS_MAX = 100;

/** A tariff code: chosen by the client, 1–36 of A–Z, 0–9, `_`, `-`. */
export const tariffCode = () => text().max(TARIFF_CODE_MAX).regex(TARIFF_ID_PATTERN, 'must be 1–36 characters of A-Z, 0-9, "_" and "-"');

const hhmm = text()
  .max(5)
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be HH:MM');
const amount = () => z.number().min(0);

export const priceComponentSchema = z
  .object({
    type: z.enum(PRICE_COMPONENT_TYPES).describe('ENERGY: per kWh; TIME / PARKING_TIME: per hour; FLAT: per session'),
    price: amount().describe('Price per unit of `type`, excluding VAT, in the tariff currency'),
    vat: z.number().min(0).max(100).optional().describe('VAT percentage; leave out when no VAT applies (differs from 0)'),
    step_size: int(1, 2 ** 31 - 1).describe('Billing step: Wh for ENERGY, seconds for TIME / PARKING_TIME, 1 for FLAT'),
  })
  .strict()
  .meta({ id: 'PriceComponent' });

/** OCPI 2.2.1 TariffRestrictions: when the element's price components apply. */
export const tariffRestrictionsSchema = z
  .object({
    start_time: hhmm.optional().describe('Local time of day from which the element applies'),
    end_time: hhmm.optional().describe('Local time of day until which the element applies (exclusive)'),
    start_date: dateOnly().optional(),
    end_date: dateOnly().optional().describe('Exclusive'),
    min_kwh: amount().optional(),
    max_kwh: amount().optional(),
    min_current: amount().optional().describe('Amperes'),
    max_current: amount().optional().describe('Amperes'),
    min_power: amount().optional().describe('kW'),
    max_power: amount().optional().describe('kW'),
    min_duration: count().optional().describe('Seconds'),
    max_duration: count().optional().describe('Seconds'),
    day_of_week: z.array(z.enum(DAYS_OF_WEEK)).min(1).max(7).optional(),
    reservation: z.enum(RESERVATION_RESTRICTIONS).optional(),
  })
  .strict()
  .meta({ id: 'TariffRestrictions' });

export const tariffElementSchema = z
  .object({
    price_components: z.array(priceComponentSchema).min(1).max(20),
    restrictions: tariffRestrictionsSchema.optional(),
  })
  .strict()
  .meta({ id: 'TariffElement' });

/** Fields a client may write; the code (`id`) is chosen once and never changes. */
const writableFields = {
  name: text().trim().min(1).max(255).nullable().optional(),
  currency: text()
    .max(3)
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code')
    .describe('ISO 4217, e.g. EUR'),
  elements: z.array(tariffElementSchema).min(1).max(ELEMENTS_MAX).describe('OCPI 2.2.1 tariff elements'),
  tenant_ids: z
    .array(uuid())
    .max(OFFERED_TENANTS_MAX)
    .optional()
    .describe('Tenants the tariff is offered to; empty or left out = offered to every tenant'),
};

/** POST /api/v2/tariffs. */
export const tariffCreateSchema = z
  .object({
    id: tariffCode().describe('The tariff code, chosen by the client and immutable, e.g. AC-STANDARD'),
    ...writableFields,
  })
  .strict()
  .meta({ id: 'TariffCreate' });
export type TariffCreateInput = z.infer<typeof tariffCreateSchema>;

/** PUT body: the full writable state of a tariff (`id` may be echoed, not changed). */
export const tariffReplaceSchema = z.object(writableFields).strict().meta({ id: 'TariffReplace' });
export type TariffReplaceInput = z.infer<typeof tariffReplaceSchema>;

export const tariffSchema = z
  .object({
    id: z.string().max(TARIFF_CODE_MAX).describe('The tariff code'),
    name: z.string().max(255).nullable(),
    currency: z
      .string()
      .max(3)
      .regex(/^[A-Z]{3}$/),
    elements: z.array(tariffElementSchema).max(ELEMENTS_MAX),
    tenant_ids: z
      .array(uuid())
      .max(OFFERED_TENANTS_MAX)
      .describe('Tenants the tariff is offered to (empty = every tenant); a tenant-scoped caller sees only its own'),
    ...entityMeta,
    deleted_at: timestamp().optional().describe('Only with include_deleted=true, on deleted tariffs'),
  })
  .meta({ id: 'Tariff' });
export type Tariff = z.infer<typeof tariffSchema>;

export const TARIFF_SORTS = ['id', 'name', 'updated_at', 'created_at'] as const;

const { limit, cursor, date_from, date_to, tenant, q, include_deleted } = listQueryBase;
export const tariffListQuerySchema = z
  .object({
    limit,
    cursor,
    date_from,
    date_to,
    tenant: tenant.describe('Only tariffs offered to this tenant (including those offered to every tenant)'),
    q: q.describe('Search in code and name'),
    include_deleted,
    sort: z.enum([...TARIFF_SORTS, ...TARIFF_SORTS.map((s) => `-${s}` as const)]).default('updated_at'),
  })
  .strict();
export type TariffListQuery = z.infer<typeof tariffListQuerySchema>;

export const tariffListSchema = listOf(tariffSchema).meta({ id: 'TariffList' });

/** Path parameter of /api/v2/tariffs/{id} (an unknown or malformed code is a 404). */
export const tariffIdParams = z.object({ id: z.string().min(1).max(200).describe('The tariff code, e.g. AC-STANDARD') });

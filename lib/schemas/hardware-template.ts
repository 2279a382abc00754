import { z } from 'zod';
import { CHARGER_TYPES, EVSE_CAPABILITIES } from '@/lib/domain/vocabulary';
import { entityMeta, listOf, listQueryBase, text, timestamp, uuid } from './common';
import {
  CONNECTORS_MAX,
  EVSES_MAX,
  FLOOR_LEVEL_MAX,
  PHYSICAL_REFERENCE_MAX,
  connectorBlueprintSchema,
  evseBlueprintSchema,
} from './evse-blueprint';

/** Fields a client may write; id, version and timestamps are the server's. */
const writableFields = {
  name: text().trim().min(1).max(255),
  vendor: text().trim().min(1).max(255).nullable().optional(),
  model: text().trim().min(1).max(255).nullable().optional(),
  charger_type: z.enum(CHARGER_TYPES),
  max_power_kw: z.number().positive().max(10_000).nullable().optional(),
  evses: z
    .array(evseBlueprintSchema)
    .max(EVSES_MAX)
    .optional()
    .describe('EVSE/connector blueprint; copied into a station created from the template'),
};

/** POST /api/v2/hardware-templates. Unknown fields (including `id`) are rejected. */
export const hardwareTemplateCreateSchema = z.object(writableFields).strict().meta({ id: 'HardwareTemplateCreate' });
export type HardwareTemplateCreateInput = z.infer<typeof hardwareTemplateCreateSchema>;

/** PUT body, and the merged result of a PATCH: the full writable state of a template. */
export const hardwareTemplateReplaceSchema = z.object(writableFields).strict().meta({ id: 'HardwareTemplateReplace' });
export type HardwareTemplateReplaceInput = z.infer<typeof hardwareTemplateReplaceSchema>;

/** PATCH body (JSON merge patch): any writable field; `null` clears an optional one, `evses` replaces. */
export const hardwareTemplatePatchSchema = z.object(writableFields).partial().strict().meta({ id: 'HardwareTemplatePatch' });

/** A stored EVSE blueprint with every optional field filled in. */
const evseBlueprintOutput = z.object({
  capabilities: z.array(z.enum(EVSE_CAPABILITIES)).max(EVSE_CAPABILITIES.length),
  floor_level: z.string().max(FLOOR_LEVEL_MAX).nullable(),
  physical_reference: z.string().max(PHYSICAL_REFERENCE_MAX).nullable(),
  connectors: z.array(connectorBlueprintSchema.required({ max_electric_power: true })).max(CONNECTORS_MAX),
});

export const hardwareTemplateSchema = z
  .object({
    id: uuid(),
    name: z.string().max(255),
    vendor: z.string().max(255).nullable(),
    model: z.string().max(255).nullable(),
    charger_type: z.enum(CHARGER_TYPES),
    max_power_kw: writableFields.max_power_kw.unwrap(),
    evses: z.array(evseBlueprintOutput).max(EVSES_MAX),
    ...entityMeta,
    deleted_at: timestamp().optional().describe('Only with include_deleted=true, on deleted templates'),
  })
  .meta({ id: 'HardwareTemplate' });
export type HardwareTemplate = z.infer<typeof hardwareTemplateSchema>;

export const HARDWARE_TEMPLATE_SORTS = ['name', 'updated_at', 'created_at'] as const;

const { limit, cursor, date_from, date_to, q, include_deleted } = listQueryBase;
export const hardwareTemplateListQuerySchema = z
  .object({
    limit,
    cursor,
    date_from,
    date_to,
    q: q.describe('Search in name, vendor and model'),
    charger_type: z.enum(CHARGER_TYPES).optional(),
    include_deleted,
    sort: z.enum([...HARDWARE_TEMPLATE_SORTS, ...HARDWARE_TEMPLATE_SORTS.map((s) => `-${s}` as const)]).default('updated_at'),
  })
  .strict();
export type HardwareTemplateListQuery = z.infer<typeof hardwareTemplateListQuerySchema>;

export const hardwareTemplateListSchema = listOf(hardwareTemplateSchema).meta({ id: 'HardwareTemplateList' });

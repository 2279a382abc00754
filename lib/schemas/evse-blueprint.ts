import { z } from 'zod';
import { CONNECTOR_FORMATS, CONNECTOR_STANDARDS, EVSE_CAPABILITIES, POWER_TYPES } from '@/lib/domain/vocabulary';
import { int, text } from './common';

/** EVSEs one station (or template) may have. */
export const EVSES_MAX = 32;
/** Connectors one EVSE may have. */
export const CONNECTORS_MAX = 8;
export const FLOOR_LEVEL_MAX = 4;
export const PHYSICAL_REFERENCE_MAX = 16;

/**
 * EVSE and connector fields a client writes, shared by hardware templates and charge stations
 * (which add their own fields, e.g. `uid`, `evse_id`, `tariff_ids`, with `.extend()`).
 */
export const connectorBlueprintSchema = z
  .object({
    id: text().trim().min(1).max(36).describe('Chosen by the client; unique within its EVSE'),
    standard: z.enum(CONNECTOR_STANDARDS).describe('OCPI ConnectorType'),
    format: z.enum(CONNECTOR_FORMATS),
    power_type: z.enum(POWER_TYPES),
    max_voltage: int(1, 2000).describe('Volts'),
    max_amperage: int(1, 1000).describe('Amperes'),
    max_electric_power: int(1, 2_000_000).nullable().optional().describe('Watts'),
  })
  .strict();
export type ConnectorBlueprint = z.infer<typeof connectorBlueprintSchema>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * The connectors of one EVSE: at least one, ids unique within the EVSE. Each duplicate is reported
 * at its own path, alongside any other invalid connector field.
 */
export const connectorListOf = <T extends z.ZodType>(connector: T) =>
  z
    .array(connector)
    .min(1)
    .max(CONNECTORS_MAX)
    .superRefine(
      (list, ctx) => {
        const seen = new Set<unknown>();
        (list as unknown[]).forEach((item, i) => {
          const id = isObject(item) ? item.id : undefined;
          if (typeof id !== 'string') return;
          if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'duplicate connector id within the EVSE' });
          seen.add(id);
        });
      },
      // Run even when another connector field is invalid, so every offending path is listed at once.
      { when: (payload) => Array.isArray(payload.value) },
    );

/** Shape of an EVSE blueprint, to spread into schemas that add fields. */
export const evseBlueprintFields = {
  capabilities: z.array(z.enum(EVSE_CAPABILITIES)).max(EVSE_CAPABILITIES.length).optional(),
  floor_level: text().trim().max(FLOOR_LEVEL_MAX).nullable().optional().describe('OCPI floor level, e.g. "-1"'),
  physical_reference: text().trim().max(PHYSICAL_REFERENCE_MAX).nullable().optional().describe('Number or label on the EVSE'),
  connectors: connectorListOf(connectorBlueprintSchema),
};

export const evseBlueprintSchema = z.object(evseBlueprintFields).strict();
export type EvseBlueprintInput = z.infer<typeof evseBlueprintSchema>;

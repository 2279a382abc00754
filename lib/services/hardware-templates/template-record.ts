import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '@/lib/db/client';
import { hardwareTemplates, type EvseBlueprint, type HardwareTemplateRow } from '@/lib/db/schema';
import { notFound } from '@/lib/errors';
import type { HardwareTemplate, HardwareTemplateReplaceInput } from '@/lib/schemas/hardware-template';
import { isUuid } from '@/lib/domain/ids';

type Evses = HardwareTemplate['evses'];

/** The blueprint with every optional field filled in, as it is stored and returned. */
function normalizeEvses(evses: EvseBlueprint[] | HardwareTemplateReplaceInput['evses']): Evses {
  return (evses ?? []).map((evse) => ({
    capabilities: (evse.capabilities ?? []) as Evses[number]['capabilities'],
    floor_level: evse.floor_level ?? null,
    physical_reference: evse.physical_reference ?? null,
    connectors: evse.connectors.map((c) => ({
      id: c.id,
      standard: c.standard as Evses[number]['connectors'][number]['standard'],
      format: c.format as Evses[number]['connectors'][number]['format'],
      power_type: c.power_type as Evses[number]['connectors'][number]['power_type'],
      max_voltage: c.max_voltage,
      max_amperage: c.max_amperage,
      max_electric_power: c.max_electric_power ?? null,
    })),
  }));
}

/** The API representation of a template row. */
export function toHardwareTemplate(row: HardwareTemplateRow): HardwareTemplate {
  return {
    id: row.id,
    name: row.name,
    vendor: row.vendor,
    model: row.model,
    charger_type: row.chargerType,
    max_power_kw: row.maxPowerKw,
    evses: normalizeEvses(row.evses),
    version: row.version,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    ...(row.deletedAt ? { deleted_at: row.deletedAt.toISOString() } : {}),
  };
}

/** The writable state of a template, as PUT takes it and PATCH merges into. */
export function writableHardwareTemplate(template: HardwareTemplate): HardwareTemplateReplaceInput {
  const { name, vendor, model, charger_type, max_power_kw, evses } = template;
  return { name, vendor, model, charger_type, max_power_kw, evses };
}

/** Column values for an insert or update from validated writable fields. */
export function hardwareTemplateColumns(input: HardwareTemplateReplaceInput) {
  return {
    name: input.name,
    vendor: input.vendor ?? null,
    model: input.model ?? null,
    chargerType: input.charger_type,
    maxPowerKw: input.max_power_kw ?? null,
    evses: normalizeEvses(input.evses),
  };
}

/**
 * Loads a live template (a CPO-wide catalog: no tenant scope), 404 when missing or deleted.
 * `forUpdate` locks the row.
 */
export async function getHardwareTemplateOrThrow(
  db: Queryable,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<HardwareTemplateRow> {
  if (!isUuid(id)) throw notFound('Hardware template');
  const query = db
    .select()
    .from(hardwareTemplates)
    .where(and(eq(hardwareTemplates.id, id), isNull(hardwareTemplates.deletedAt)));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('Hardware template');
  return row;
}

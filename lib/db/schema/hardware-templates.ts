import { sql } from 'drizzle-orm';
import { check, index, jsonb, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { CHARGER_TYPES, sqlList } from '@/lib/domain/vocabulary';
import { lifecycleColumns } from './columns';

/** EVSE/connector blueprint, copied into a station created from the template. */
export type EvseBlueprint = {
  capabilities?: string[];
  floor_level?: string | null;
  physical_reference?: string | null;
  connectors: {
    id: string;
    standard: string;
    format: string;
    power_type: string;
    max_voltage: number;
    max_amperage: number;
    max_electric_power?: number | null;
  }[];
};

export const hardwareTemplates = pgTable(
  'hardware_templates',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    vendor: text(),
    model: text(),
    chargerType: text({ enum: CHARGER_TYPES }).notNull(),
    maxPowerKw: numeric({ mode: 'number' }),
    evses: jsonb()
      .$type<EvseBlueprint[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    ...lifecycleColumns,
  },
  (t) => [
    index('hardware_templates_updated_idx').on(t.updatedAt, t.id),
    check('hardware_templates_charger_type_ck', sql`${t.chargerType} in (${sql.raw(sqlList(CHARGER_TYPES))})`),
  ],
);

export type HardwareTemplateRow = typeof hardwareTemplates.$inferSelect;

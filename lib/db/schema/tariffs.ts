import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { lifecycleColumns } from './columns';
import { tenants } from './tenants';

export type PriceComponent = { type: 'ENERGY' | 'FLAT' | 'PARKING_TIME' | 'TIME'; price: number; vat?: number; step_size: number };
export type TariffElement = { price_components: PriceComponent[]; restrictions?: Record<string, unknown> };

export const tariffs = pgTable(
  'tariffs',
  {
    /** The tariff code chosen by the CPO, e.g. AC-STANDARD. */
    id: text().primaryKey(),
    name: text(),
    currency: text().notNull(),
    elements: jsonb().$type<TariffElement[]>().notNull(),
    ...lifecycleColumns,
  },
  (t) => [
    index('tariffs_updated_idx').on(t.updatedAt, t.id),
    check('tariffs_id_ck', sql`${t.id} ~ '^[A-Z0-9_-]{1,36}$'`),
    check('tariffs_currency_ck', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);

/** Tenants a tariff is offered to; a tariff with no rows here is offered to every tenant. */
export const tariffTenants = pgTable(
  'tariff_tenants',
  {
    tariffId: text()
      .notNull()
      .references(() => tariffs.id, { onDelete: 'cascade' }),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.tariffId, t.tenantId] }), index('tariff_tenants_tenant_idx').on(t.tenantId)],
);

export type TariffRow = typeof tariffs.$inferSelect;

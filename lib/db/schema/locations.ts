import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { lifecycleColumns, tstz } from './columns';
import { tenants } from './tenants';

export type OpeningTimes = {
  twentyfourseven: boolean;
  regular_hours?: { weekday: number; period_begin: string; period_end: string }[];
  exceptional_openings?: { period_begin: string; period_end: string }[];
  exceptional_closings?: { period_begin: string; period_end: string }[];
};
export type DisplayText = { language: string; text: string };
export type LocationMaintenance = {
  contractor?: string | null;
  contract_reference?: string | null;
  last_service_date?: string | null;
  next_service_date?: string | null;
  notes?: string | null;
};

export const locations = pgTable(
  'locations',
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    externalId: text(),
    name: text().notNull(),
    address: text().notNull(),
    city: text().notNull(),
    postalCode: text(),
    state: text(),
    country: text().notNull(),
    latitude: doublePrecision().notNull(),
    longitude: doublePrecision().notNull(),
    timeZone: text(),
    parkingType: text(),
    facilities: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    openingTimes: jsonb().$type<OpeningTimes>(),
    chargingWhenClosed: boolean(),
    directions: jsonb()
      .$type<DisplayText[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    publish: boolean().notNull().default(true),
    remarks: text(),
    maintenance: jsonb().$type<LocationMaintenance>(),
    ...lifecycleColumns,
  },
  (t) => [
    uniqueIndex('locations_tenant_external_id_live_uq')
      .on(t.tenantId, t.externalId)
      .where(sql`${t.deletedAt} is null and ${t.externalId} is not null`),
    index('locations_tenant_updated_idx').on(t.tenantId, t.updatedAt, t.id),
    index('locations_updated_idx').on(t.updatedAt, t.id),
    index('locations_name_idx').on(t.name, t.id),
    index('locations_created_idx').on(t.createdAt, t.id),
    index('locations_lat_lon_idx').on(t.latitude, t.longitude),
    check('locations_name_len_ck', sql`char_length(${t.name}) between 1 and 255`),
    check('locations_country_ck', sql`${t.country} ~ '^[A-Z]{3}$'`),
    check('locations_latitude_ck', sql`${t.latitude} between -90 and 90`),
    check('locations_longitude_ck', sql`${t.longitude} between -180 and 180`),
    check('locations_remarks_len_ck', sql`char_length(${t.remarks}) <= 4000`),
  ],
);

/** Named groups, per tenant; created on first use by a location or station. */
export const customGroups = pgTable(
  'custom_groups',
  {
    id: uuid().primaryKey().defaultRandom(),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id),
    name: text().notNull(),
    createdAt: tstz().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('custom_groups_tenant_name_uq').on(t.tenantId, t.name),
    check('custom_groups_name_len_ck', sql`char_length(${t.name}) between 1 and 64`),
  ],
);

export const locationCustomGroups = pgTable(
  'location_custom_groups',
  {
    locationId: uuid()
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    groupId: uuid()
      .notNull()
      .references(() => customGroups.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.locationId, t.groupId] }), index('location_custom_groups_group_idx').on(t.groupId)],
);

export type LocationRow = typeof locations.$inferSelect;
export type NewLocationRow = typeof locations.$inferInsert;
export type CustomGroupRow = typeof customGroups.$inferSelect;

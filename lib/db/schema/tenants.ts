import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { TENANT_KINDS, sqlList } from '@/lib/domain/vocabulary';
import { lifecycleColumns } from './columns';

export const tenants = pgTable(
  'tenants',
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull(),
    name: text().notNull(),
    kind: text({ enum: TENANT_KINDS }).notNull(),
    externalId: text(),
    ...lifecycleColumns,
  },
  (t) => [
    uniqueIndex('tenants_slug_live_uq')
      .on(t.slug)
      .where(sql`${t.deletedAt} is null`),
    index('tenants_updated_at_idx').on(t.updatedAt, t.id),
    check('tenants_kind_ck', sql`${t.kind} in (${sql.raw(sqlList(TENANT_KINDS))})`),
    check('tenants_slug_ck', sql`${t.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

export type TenantRow = typeof tenants.$inferSelect;
export type NewTenantRow = typeof tenants.$inferInsert;

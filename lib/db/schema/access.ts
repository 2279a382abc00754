import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { lifecycleColumns, tstz } from './columns';
import { tenants } from './tenants';

/** Roles and their permissions are data, seeded by migration: code asks for permissions, never role names. */
export const roles = pgTable('roles', {
  id: text().primaryKey(),
  name: text().notNull(),
  description: text().notNull(),
  /** Held CPO-wide (users.cpo_role) instead of as a per-tenant membership. */
  cpoWide: boolean().notNull().default(false),
  /** Holders also see the unassigned station pool (stations without a tenant). */
  seesPool: boolean().notNull().default(false),
});

export const permissions = pgTable('permissions', {
  id: text().primaryKey(),
  description: text().notNull(),
});

export const rolePermissions = pgTable(
  'role_permissions',
  {
    roleId: text()
      .notNull()
      .references(() => roles.id, { onDelete: 'cascade' }),
    permissionId: text()
      .notNull()
      .references(() => permissions.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.permissionId] })],
);

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    name: text().notNull(),
    passwordHash: text().notNull(),
    disabled: boolean().notNull().default(false),
    cpoRole: text().references(() => roles.id),
    /** The portal language the user chose; null = the browser's Accept-Language. */
    locale: text(),
    /** Per-table portal settings (columns, density, page size), keyed by table name; see lib/portal/table-preferences. */
    tablePreferences: jsonb().notNull().default({}),
    ...lifecycleColumns,
  },
  (t) => [
    check('users_locale_ck', sql`${t.locale} in ('en', 'nl')`),
    uniqueIndex('users_email_live_uq')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.deletedAt} is null`),
    index('users_updated_at_idx').on(t.updatedAt, t.id),
    check('users_email_ck', sql`position('@' in ${t.email}) > 1`),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tenantId: uuid()
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    roleId: text()
      .notNull()
      .references(() => roles.id),
    createdAt: tstz().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tenantId] }), index('memberships_tenant_idx').on(t.tenantId)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    /** First characters of the secret, shown so people can tell keys apart. */
    prefix: text().notNull(),
    /** SHA-256 of the secret: keys are looked up by hash on every request. */
    secretHash: text().notNull(),
    roleId: text()
      .notNull()
      .references(() => roles.id),
    /** Null only for CPO-wide (cpo_admin) keys. */
    tenantId: uuid().references(() => tenants.id),
    createdBy: text(),
    expiresAt: tstz(),
    lastUsedAt: tstz(),
    revokedAt: tstz(),
    ...lifecycleColumns,
  },
  (t) => [
    uniqueIndex('api_keys_secret_hash_uq').on(t.secretHash),
    index('api_keys_tenant_idx').on(t.tenantId),
    index('api_keys_updated_at_idx').on(t.updatedAt, t.id),
    // Only cpo_admin keys are CPO-wide (no other role spans tenants); every other key names one tenant.
    check('api_keys_tenant_scope_ck', sql`(${t.tenantId} is null) = (${t.roleId} = 'cpo_admin')`),
  ],
);

export type RoleRow = typeof roles.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
export type MembershipRow = typeof memberships.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type NewApiKeyRow = typeof apiKeys.$inferInsert;

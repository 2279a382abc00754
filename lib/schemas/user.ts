import { z } from 'zod';
import { PORTAL_LOCALES } from '@/lib/domain/vocabulary';
import { entityMeta, listOf, listQueryBase, text, timestamp, uuid } from './common';

const ROLE_ID_MAX = 64;
const MEMBERSHIPS_MAX = 1000;
const roleId = () => text().min(1).max(ROLE_ID_MAX);

export const membershipSchema = z
  .object({
    tenant_id: uuid(),
    role: roleId().describe('A per-tenant role id: `account_manager`, `customer_admin`, `customer_operator`, `viewer` or `installer`'),
  })
  .strict()
  .meta({ id: 'Membership' });
export type Membership = z.infer<typeof membershipSchema>;

/** Fields a client may write; `password` is write-only. */
const writableFields = {
  email: z.email({ error: 'must be an e-mail address' }).max(254).describe('Sign-in name; unique among live users, case-insensitively'),
  name: text().trim().min(1).max(255),
  password: text()
    .min(12, 'must be at least 12 characters')
    .max(1024)
    .optional()
    .describe(
      'Write-only, at least 12 characters; stored as an argon2id hash. Left out on create: one is generated and returned once as `initial_password`',
    ),
  cpo_role: roleId()
    .nullable()
    .optional()
    .describe('A CPO-wide role (`cpo_admin`) or null; set only by a CPO-wide caller. A user holds a CPO role or memberships, not both'),
  memberships: z
    .array(membershipSchema)
    .max(MEMBERSHIPS_MAX)
    .optional()
    .describe(
      'One role per tenant. On PATCH the list replaces the memberships in the tenants where the caller holds user:manage; others stay as they are',
    ),
  disabled: z.boolean().optional().describe('A disabled user cannot sign in'),
  locale: z
    .enum(PORTAL_LOCALES)
    .nullable()
    .optional()
    .describe("The portal language the user chose (`en` or `nl`); null: the browser's Accept-Language decides"),
};

/** POST /api/v2/users (an invite), and the merged result of a PATCH. Unknown fields are rejected. */
export const userCreateSchema = z.object(writableFields).strict().meta({ id: 'UserCreate' });
export type UserCreateInput = z.infer<typeof userCreateSchema>;

/** PATCH body (JSON merge patch). */
export const userPatchSchema = z.object(writableFields).partial().strict().meta({ id: 'UserPatch' });

export const userSchema = z
  .object({
    id: uuid(),
    email: z.email().max(254),
    name: z.string().max(255),
    cpo_role: z.string().max(ROLE_ID_MAX).nullable().describe('The CPO-wide role, or null'),
    memberships: z
      .array(membershipSchema)
      .max(MEMBERSHIPS_MAX)
      .describe('Roles per tenant; only tenants the caller holds a role in are listed'),
    disabled: z.boolean(),
    locale: z.enum(PORTAL_LOCALES).nullable().describe("The portal language the user chose; null: the browser's Accept-Language decides"),
    ...entityMeta,
    deleted_at: timestamp().optional().describe('Only with include_deleted=true, on deleted users'),
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof userSchema>;

export const userCreatedSchema = userSchema
  .extend({
    initial_password: z
      .string()
      .max(1024)
      .nullable()
      .optional()
      .describe('Only when the request left out `password`: the generated password, shown this once (null on an Idempotency-Key replay)'),
  })
  .meta({ id: 'UserCreated' });
export type UserCreated = z.infer<typeof userCreatedSchema>;

export const USER_SORTS = ['name', 'email', 'updated_at', 'created_at'] as const;

const { limit, cursor, date_from, date_to, tenant, include_deleted } = listQueryBase;

export const userListQuerySchema = z
  .object({
    limit,
    cursor,
    date_from,
    date_to,
    tenant: tenant.describe('Only users with a membership in this tenant'),
    q: listQueryBase.q.describe('Case-insensitive search in name and e-mail'),
    include_deleted,
    sort: z.enum([...USER_SORTS, ...USER_SORTS.map((s) => `-${s}` as const)]).default('updated_at'),
  })
  .strict();
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export const userListSchema = listOf(userSchema).meta({ id: 'UserList' });

/** A role a form may offer: its id and display name. */
export type RoleOption = { id: string; name: string };

/** What an invite or key form may offer the caller to grant (see listGrantableRoles). */
export type GrantableRoles = {
  /** Tenants where the caller may grant roles (by name, at most 1000), each with the roles it may grant there. */
  tenants: { id: string; name: string; roles: RoleOption[] }[];
  /** CPO-wide roles the caller may grant; empty unless it holds the permission CPO-wide. */
  cpoRoles: RoleOption[];
};

import { z } from 'zod';
import { TENANT_KINDS } from '@/lib/domain/vocabulary';
import { entityMeta, listOf, listQueryBase, text, timestamp, uuid } from './common';

export const TENANT_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Fields a client may write; id, version and timestamps are the server's. */
const writableFields = {
  slug: text()
    .max(63)
    .regex(TENANT_SLUG, 'must be lowercase letters and digits, groups joined by single hyphens')
    .describe('URL-safe name, unique among live tenants: `^[a-z0-9]+(-[a-z0-9]+)*$`, at most 63 characters'),
  name: text().trim().min(1).max(255),
  kind: z.enum(TENANT_KINDS),
  external_id: text().trim().min(1).max(255).nullable().optional().describe('The customer’s id in the CRM (e.g. a Salesforce account id)'),
};

/** POST /api/v2/tenants, and the merged result of a PATCH. Unknown fields (including `id`) are rejected. */
export const tenantCreateSchema = z.object(writableFields).strict().meta({ id: 'TenantCreate' });
export type TenantCreateInput = z.infer<typeof tenantCreateSchema>;

/** PATCH body (JSON merge patch): any writable field; `null` clears `external_id`. */
export const tenantPatchSchema = z.object(writableFields).partial().strict().meta({ id: 'TenantPatch' });

export const tenantSchema = z
  .object({
    id: uuid(),
    slug: z.string().max(63).regex(TENANT_SLUG),
    name: z.string().max(255),
    kind: z.enum(TENANT_KINDS),
    external_id: z.string().max(255).nullable(),
    ...entityMeta,
    deleted_at: timestamp().optional().describe('Only with include_deleted=true, on deleted tenants'),
  })
  .meta({ id: 'Tenant' });
export type Tenant = z.infer<typeof tenantSchema>;

export const TENANT_SORTS = ['name', 'updated_at', 'created_at'] as const;

const { limit, cursor, date_from, date_to, include_deleted } = listQueryBase;

export const tenantListQuerySchema = z
  .object({
    limit,
    cursor,
    date_from,
    date_to,
    q: listQueryBase.q.describe('Case-insensitive search in name and slug'),
    include_deleted,
    sort: z.enum([...TENANT_SORTS, ...TENANT_SORTS.map((s) => `-${s}` as const)]).default('updated_at'),
  })
  .strict();
export type TenantListQuery = z.infer<typeof tenantListQuerySchema>;

export const tenantListSchema = listOf(tenantSchema).meta({ id: 'TenantList' });

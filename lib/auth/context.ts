import { AppError } from '@/lib/errors';
import { PERMISSIONS, type Permission } from './permissions';

export type Actor = { kind: 'user'; id: string } | { kind: 'api_key'; id: string } | { kind: 'system' };

export type PermissionSet = ReadonlySet<Permission>;

/**
 * Who is calling and what they may do where. Built once per request (user session or API key)
 * from the roles in Postgres; every service verb receives it.
 */
export type AuthContext = {
  actor: Actor;
  /** Permissions held in every tenant and on the pool (a CPO-wide role), or null. */
  cpoWide: PermissionSet | null;
  /** Permissions per tenant id, from memberships or a tenant-scoped API key. */
  tenants: ReadonlyMap<string, PermissionSet>;
  /** Permissions on unassigned-pool stations (roles that see the pool), or null. */
  pool: PermissionSet | null;
  /** Correlates audit events and error reports with one request. */
  requestId?: string;
  /**
   * The portal's tenant switcher: narrows what is visible to this one tenant (in scope, checked
   * when set). It only ever hides; permissions stay those above.
   */
  focusTenantId?: string;
};

/** `user:<uuid>`, `api_key:<uuid>` or `system`, as written in audit events. */
export function actorRef(actor: Actor): string {
  return actor.kind === 'system' ? 'system' : `${actor.kind}:${actor.id}`;
}

/** The seed, bootstrap and background jobs act as the system: every permission everywhere. */
export function systemContext(requestId?: string): AuthContext {
  return { actor: { kind: 'system' }, cpoWide: new Set(PERMISSIONS), tenants: new Map(), pool: null, requestId };
}

/**
 * Permissions on an object owned by `tenantId` (null = the unassigned pool).
 * Without an argument: everything the caller holds anywhere (for create/list checks and UI).
 */
export function permissionsAt(ctx: AuthContext, tenantId?: string | null): PermissionSet {
  if (tenantId === undefined) {
    const all = new Set<Permission>(ctx.cpoWide ?? []);
    for (const set of ctx.tenants.values()) for (const p of set) all.add(p);
    for (const p of ctx.pool ?? []) all.add(p);
    return all;
  }
  if (ctx.cpoWide) return ctx.cpoWide;
  if (tenantId === null) return ctx.pool ?? new Set();
  return ctx.tenants.get(tenantId) ?? new Set();
}

/** Whether the caller holds `permission` on an object of `tenantId` (or anywhere, if omitted). */
export function can(ctx: AuthContext, permission: Permission, tenantId?: string | null): boolean {
  return permissionsAt(ctx, tenantId).has(permission);
}

/** 403 unless the caller holds `permission` there. Call it after the scoped lookup, which 404s first. */
export function requirePermission(ctx: AuthContext, permission: Permission, tenantId?: string | null): void {
  if (!can(ctx, permission, tenantId)) {
    throw new AppError('forbidden', `This action needs the ${permission} permission.`);
  }
}

/** Whether the caller holds `permission` across all tenants (catalogs the CPO keeps); the UI asks this. */
export function canCpoWide(ctx: AuthContext, permission: Permission): boolean {
  return ctx.cpoWide?.has(permission) ?? false;
}

/** 403 unless the caller holds `permission` across all tenants (catalogs the CPO keeps). */
export function requireCpoWide(ctx: AuthContext, permission: Permission): void {
  if (!canCpoWide(ctx, permission)) {
    throw new AppError('forbidden', `This action needs the ${permission} permission across all tenants.`);
  }
}

/**
 * Where an object guarded by `readPermission` is visible: every tenant (CPO-wide), or the listed
 * tenants plus, optionally, the pool. Queries turn this into their WHERE clause.
 */
export type Visibility = { allTenants: true } | { allTenants: false; tenantIds: string[]; pool: boolean };

export function visibility(ctx: AuthContext, readPermission: Permission): Visibility {
  if (ctx.focusTenantId !== undefined) {
    const readable = can(ctx, readPermission, ctx.focusTenantId);
    return { allTenants: false, tenantIds: readable ? [ctx.focusTenantId] : [], pool: false };
  }
  if (ctx.cpoWide?.has(readPermission)) return { allTenants: true };
  const tenantIds = [...ctx.tenants].filter(([, perms]) => perms.has(readPermission)).map(([id]) => id);
  return { allTenants: false, tenantIds, pool: ctx.pool?.has(readPermission) ?? false };
}

/** Tenant ids the caller may act in with `permission` (all-tenant callers get null = unrestricted). */
export function tenantsWith(ctx: AuthContext, permission: Permission): string[] | null {
  if (ctx.focusTenantId !== undefined) return can(ctx, permission, ctx.focusTenantId) ? [ctx.focusTenantId] : [];
  if (ctx.cpoWide?.has(permission)) return null;
  return [...ctx.tenants].filter(([, perms]) => perms.has(permission)).map(([id]) => id);
}

/** Whether the caller may focus the portal on `tenantId` (CPO-wide staff: any; others: their own). */
export function mayFocus(ctx: AuthContext, tenantId: string): boolean {
  return ctx.cpoWide !== null || ctx.tenants.has(tenantId);
}

/** The same caller without the tenant switcher's narrowing (the switcher itself, the installer pool). */
export function unfocused(ctx: AuthContext): AuthContext {
  return { ...ctx, focusTenantId: undefined };
}

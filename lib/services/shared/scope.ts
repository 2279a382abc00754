import { inArray, isNull, or, sql, type Column, type SQL } from 'drizzle-orm';
import type { Visibility } from '@/lib/auth/context';

/**
 * The WHERE condition that limits a tenant-owned table to what the caller may see. Every
 * lookup and list goes through this, so scope is never left to a caller.
 */
export function visibleCondition(vis: Visibility, tenantColumn: Column): SQL | undefined {
  if (vis.allTenants) return undefined;
  const parts: SQL[] = [];
  if (vis.tenantIds.length) parts.push(inArray(tenantColumn, vis.tenantIds));
  if (vis.pool) parts.push(isNull(tenantColumn));
  return parts.length ? or(...parts) : sql`false`;
}

/**
 * visibleCondition for a statement built once and run with parameters (see
 * `scopeParameters`): the same three cases — every tenant, the listed tenants, the pool.
 */
export function visibleConditionPlaceholders(tenantColumn: Column): SQL {
  return sql`(${sql.placeholder('scopeAll')}::boolean
    or ${tenantColumn} = any(${sql.placeholder('scopeTenants')}::uuid[])
    or (${sql.placeholder('scopePool')}::boolean and ${tenantColumn} is null))`;
}

/** The parameters of visibleConditionPlaceholders for a caller's visibility. */
export function scopeParameters(vis: Visibility) {
  return vis.allTenants
    ? { scopeAll: true, scopeTenants: [] as string[], scopePool: false }
    : { scopeAll: false, scopeTenants: vis.tenantIds, scopePool: vis.pool };
}

/**
 * `column = any($1::uuid[])`: one parameter for a whole page of ids, so the statement has one text
 * whatever the page size (and stays prepared), where `inArray` spells out `in ($1 … $n)`.
 */
export function anyUuid(column: Column | SQL.Aliased | SQL, ids: readonly string[]): SQL {
  return sql`${column} = any(${sql.param(ids)}::uuid[])`;
}

import { and, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { requirePermission, tenantsWith, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { auditEvents, type AuditEventRow } from '@/lib/db/schema';
import type { AuditEventListQuery } from '@/lib/schemas/audit-event';
import type { CursorBinding } from '@/lib/services/shared/cursor';
import { keyset, type SortKey } from '@/lib/services/shared/keyset';
import { toAuditEvent } from './audit-event-record';

const SORTS: Record<string, SortKey<AuditEventRow>> = {
  at: { column: auditEvents.at, value: (row) => row.at.toISOString(), timestamp: true, changeOrder: true },
};

/**
 * The events a caller may read: all with CPO-wide audit:read (including CPO-wide events without a
 * tenant), else only events of tenants where it holds audit:read.
 */
function auditScope(ctx: AuthContext): SQL | undefined {
  const tenantIds = tenantsWith(ctx, 'audit:read');
  if (tenantIds === null) return undefined;
  return tenantIds.length ? inArray(auditEvents.tenantId, tenantIds) : sql`false`;
}

/** GET /api/v2/audit-events: the audit trail in scope, filtered, keyset-paginated by `at`. */
export async function listAuditEvents({ ctx, query }: { ctx: AuthContext; query: AuditEventListQuery }) {
  requirePermission(ctx, 'audit:read');
  const { limit, cursor, sort, ...filters } = query;
  const binding: CursorBinding = { ctx, endpoint: 'audit-events', filters: { ...filters, sort } };
  const { after, orderBy, page } = await keyset({ sorts: SORTS, sort, idColumn: auditEvents.id, cursor, binding });
  const conditions: (SQL | undefined)[] = [
    auditScope(ctx),
    filters.entity ? eq(auditEvents.entity, filters.entity) : undefined,
    filters.entity_id ? eq(auditEvents.entityId, filters.entity_id) : undefined,
    filters.actor ? eq(auditEvents.actor, filters.actor) : undefined,
    filters.action ? eq(auditEvents.action, filters.action) : undefined,
    filters.tenant ? eq(auditEvents.tenantId, filters.tenant) : undefined,
    filters.date_from ? gte(auditEvents.at, filters.date_from) : undefined,
    filters.date_to ? lt(auditEvents.at, filters.date_to) : undefined,
    after,
  ];
  const records = await getDb()
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(...orderBy)
    .limit(limit + 1);
  const { rows, next_cursor } = page(records, limit, (row) => row);
  return { data: rows.map(toAuditEvent), next_cursor };
}

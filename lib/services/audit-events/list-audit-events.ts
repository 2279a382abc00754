import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import { tenantsWith, type AuthContext } from '@/lib/auth/context';
import { getDb } from '@/lib/db/client';
import { auditEvents, type AuditEventRow } from '@/lib/db/schema';
import type { AuditEventListQuery } from '@/lib/schemas/audit-event';
import type { SortKey } from '@/lib/services/shared/keyset';
import { listPage } from '@/lib/services/shared/list-query';
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
  const { records, next_cursor } = await listPage({
    ctx,
    permission: 'audit:read',
    endpoint: 'audit-events',
    query,
    scope: auditScope(ctx),
    sorts: SORTS,
    idColumn: auditEvents.id,
    // Events are written once and never deleted.
    changedColumn: auditEvents.at,
    filters: [
      query.entity ? eq(auditEvents.entity, query.entity) : undefined,
      query.entity_id ? eq(auditEvents.entityId, query.entity_id) : undefined,
      query.actor ? eq(auditEvents.actor, query.actor) : undefined,
      query.action ? eq(auditEvents.action, query.action) : undefined,
      query.tenant ? eq(auditEvents.tenantId, query.tenant) : undefined,
    ],
    fetch: ({ where, orderBy, limit }) =>
      getDb()
        .select()
        .from(auditEvents)
        .where(where)
        .orderBy(...orderBy)
        .limit(limit),
    rowOf: (row) => row,
  });
  return { data: records.map(toAuditEvent), next_cursor };
}

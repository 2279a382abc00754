import type { AuditEventRow } from '@/lib/db/schema';
import type { AuditEvent } from '@/lib/schemas/audit-event';

/** The API representation of an audit event. */
export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: row.actor,
    tenant_id: row.tenantId,
    action: row.action,
    entity: row.entity as AuditEvent['entity'],
    entity_id: row.entityId,
    changes: row.changes,
    request_id: row.requestId,
  };
}

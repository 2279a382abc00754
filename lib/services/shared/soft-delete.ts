import { sql, type AnyColumn } from 'drizzle-orm';
import type { AuthContext } from '@/lib/auth/context';
import type { Tx } from '@/lib/db/client';
import type { AuditEntity } from '@/lib/domain/vocabulary';
import { recordAudit } from './audit';
import { changedAt } from './change-order';

/** Column values of a soft delete: it is a change, so syncs see it (updated_at, version). */
export const softDeleted = (version: AnyColumn) => ({ deletedAt: changedAt, updatedAt: changedAt, version: sql`${version} + 1` });

/** The audit event of a soft delete, with anything else the delete did. */
export function recordDeletion(
  tx: Tx,
  ctx: AuthContext,
  deletion: { entity: AuditEntity; entityId: string; tenantId: string | null; also?: Record<string, unknown> },
) {
  return recordAudit(tx, ctx, {
    action: `${deletion.entity}.deleted`,
    entity: deletion.entity,
    entityId: deletion.entityId,
    tenantId: deletion.tenantId,
    before: { deleted: false },
    after: { deleted: true, ...deletion.also },
  });
}

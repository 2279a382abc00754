import { actorRef, type AuthContext } from '@/lib/auth/context';
import type { Tx } from '@/lib/db/client';
import { auditEvents, type AuditChanges } from '@/lib/db/schema';
import type { AuditEntity } from '@/lib/domain/vocabulary';
import { eventTypeOfAudit, queueEvent } from './outbox';

type AuditInput = {
  action: `${AuditEntity}.${string}`;
  entity: AuditEntity;
  entityId: string;
  tenantId: string | null;
  /** API representations before and after; only the fields that differ are stored. */
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** Fields whose change is not news: they move on every write. */
const IGNORED = new Set(['version', 'updated_at', 'created_at']);

export function diffChanges(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): AuditChanges {
  const changes: AuditChanges = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED.has(key)) continue;
    const b = before?.[key] ?? null;
    const a = after?.[key] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes[key] = { before: b, after: a };
  }
  return changes;
}

/**
 * Writes one audit event inside the caller's transaction, so it commits with the change, and
 * queues the webhook event the change of a location or station is (shared/outbox.ts).
 */
export function recordAudit(tx: Tx, ctx: AuthContext, input: AuditInput): Promise<void> {
  return recordAudits(tx, ctx, [input]);
}

/** Several audit events of one caller in one statement (a batch of created objects), each with its webhook event. */
export async function recordAudits(tx: Tx, ctx: AuthContext, inputs: AuditInput[]): Promise<void> {
  if (!inputs.length) return;
  await tx.insert(auditEvents).values(
    inputs.map((input) => ({
      actor: actorRef(ctx.actor),
      tenantId: input.tenantId,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      changes: diffChanges(input.before, input.after),
      requestId: ctx.requestId ?? null,
    })),
  );
  for (const input of inputs) {
    const type = eventTypeOfAudit(input.action);
    const data = input.after ?? input.before;
    if (type && data) queueEvent(tx, { type, tenantId: input.tenantId, objectId: input.entityId, data: { id: input.entityId, ...data } });
  }
}

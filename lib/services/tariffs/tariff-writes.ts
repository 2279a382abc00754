import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/lib/db/client';
import { tariffTenants, tenants } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';

/** 422 at `/tenant_ids/N` for every id that names no live tenant. */
export async function assertTenantsExist(tx: Tx, tenantIds: string[]): Promise<void> {
  if (!tenantIds.length) return;
  const rows = await tx
    .select({ id: tenants.id })
    .from(tenants)
    .where(and(inArray(tenants.id, [...new Set(tenantIds)]), isNull(tenants.deletedAt)));
  const known = new Set(rows.map((r) => r.id));
  const errors = tenantIds.flatMap((id, i) => (known.has(id) ? [] : [{ path: `/tenant_ids/${i}`, message: 'unknown tenant' }]));
  if (errors.length) throw new AppError('validation', 'The request body is invalid.', { errors });
}

/**
 * Makes the tenants a tariff is offered to `next` (none = every tenant), writing only the rows that
 * change. `current` are the tenant ids it has now. Returns whether anything was written.
 */
export async function writeTariffTenants(tx: Tx, tariffId: string, current: string[], next: string[]): Promise<boolean> {
  const removed = current.filter((id) => !next.includes(id));
  const added = [...new Set(next.filter((id) => !current.includes(id)))];
  if (removed.length) {
    await tx.delete(tariffTenants).where(and(eq(tariffTenants.tariffId, tariffId), inArray(tariffTenants.tenantId, removed)));
  }
  if (added.length) await tx.insert(tariffTenants).values(added.map((tenantId) => ({ tariffId, tenantId })));
  return removed.length > 0 || added.length > 0;
}

/** Replaces the tenants a tariff is offered to (none = every tenant), e.g. when a deleted code is revived. */
export async function setTariffTenants(tx: Tx, tariffId: string, tenantIds: string[]): Promise<void> {
  await tx.delete(tariffTenants).where(eq(tariffTenants.tariffId, tariffId));
  const unique = [...new Set(tenantIds)];
  if (unique.length) await tx.insert(tariffTenants).values(unique.map((tenantId) => ({ tariffId, tenantId })));
}

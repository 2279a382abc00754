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

/** Replaces the tenants a tariff is offered to (none = every tenant). */
export async function setTariffTenants(tx: Tx, tariffId: string, tenantIds: string[]): Promise<void> {
  await tx.delete(tariffTenants).where(eq(tariffTenants.tariffId, tariffId));
  const unique = [...new Set(tenantIds)];
  if (unique.length) await tx.insert(tariffTenants).values(unique.map((tenantId) => ({ tariffId, tenantId })));
}

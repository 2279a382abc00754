import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/lib/db/client';
import { customGroups } from '@/lib/db/schema';

/** Ids of the named groups in a tenant, creating the ones that do not exist yet. */
export async function ensureCustomGroups(tx: Tx, tenantId: string, names: string[]): Promise<string[]> {
  // Sorted, so concurrent writers take the unique-index locks in the same order (no deadlock).
  const unique = [...new Set(names)].sort();
  if (!unique.length) return [];
  await tx
    .insert(customGroups)
    .values(unique.map((name) => ({ tenantId, name })))
    .onConflictDoNothing({ target: [customGroups.tenantId, customGroups.name] });
  const rows = await tx
    .select({ id: customGroups.id, name: customGroups.name })
    .from(customGroups)
    .where(and(eq(customGroups.tenantId, tenantId), inArray(customGroups.name, unique)));
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  return unique.map((name) => byName.get(name)!);
}

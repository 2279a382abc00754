import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Tx } from '@/lib/db/client';
import { locationCustomGroups, locations } from '@/lib/db/schema';
import { conflict } from '@/lib/services/shared/unique-clash';
import { ensureCustomGroups } from '@/lib/services/shared/custom-groups';

export const EXTERNAL_ID_CONSTRAINT = 'locations_tenant_external_id_live_uq';

/** 409 when another live location of the tenant already has this external_id. */
export async function assertExternalIdFree(tx: Tx, tenantId: string, externalId: string | null | undefined, selfId?: string) {
  if (!externalId) return;
  const [clash] = await tx
    .select({ id: locations.id })
    .from(locations)
    .where(
      and(
        eq(locations.tenantId, tenantId),
        eq(locations.externalId, externalId),
        isNull(locations.deletedAt),
        selfId ? ne(locations.id, selfId) : undefined,
      ),
    );
  if (clash) throw conflict(`A location with external_id "${externalId}" already exists in this tenant.`, clash.id);
}

/** Replaces the location's custom groups, creating new group names in its tenant. */
export async function setLocationGroups(tx: Tx, tenantId: string, locationId: string, names: string[]) {
  await tx.delete(locationCustomGroups).where(eq(locationCustomGroups.locationId, locationId));
  const groupIds = await ensureCustomGroups(tx, tenantId, names);
  if (groupIds.length) await tx.insert(locationCustomGroups).values(groupIds.map((groupId) => ({ locationId, groupId })));
}

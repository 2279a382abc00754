import { and, eq, isNull, ne } from 'drizzle-orm';
import { getDb, type Tx } from '@/lib/db/client';
import { locationCustomGroups, locations } from '@/lib/db/schema';
import { conflict, violatedUniqueConstraint } from '@/lib/services/shared/unique-clash';
import { ensureCustomGroups } from '@/lib/services/shared/custom-groups';

export const EXTERNAL_ID_CONSTRAINT = 'locations_tenant_external_id_live_uq';

/** 409 when another live location of the tenant already has this external_id. */
export async function assertExternalIdFree(tx: Tx, tenantId: string, externalId: string | null | undefined, selfId?: string) {
  if (!externalId) return;
  const [clash] = await findExternalId(tx, tenantId, externalId, selfId);
  if (clash) throw clashError(externalId, clash.id);
}

const clashError = (externalId: string, id: string) =>
  conflict(`A location with external_id "${externalId}" already exists in this tenant.`, id);

function findExternalId(db: Tx | ReturnType<typeof getDb>, tenantId: string, externalId: string, selfId?: string) {
  return db
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
}

/**
 * A concurrent request may take the same external_id between our check and our write; then the
 * unique index fires and the transaction fails. This turns that into the 409 the check would give.
 */
export async function asExternalIdClash(
  error: unknown,
  clash: { tenantId: string; externalId: string | null | undefined; selfId?: string } | undefined,
): Promise<unknown> {
  if (violatedUniqueConstraint(error) !== EXTERNAL_ID_CONSTRAINT || !clash?.externalId) return error;
  const [existing] = await findExternalId(getDb(), clash.tenantId, clash.externalId, clash.selfId);
  return existing ? clashError(clash.externalId, existing.id) : error;
}

/** Replaces the location's custom groups, creating new group names in its tenant. */
export async function setLocationGroups(tx: Tx, tenantId: string, locationId: string, names: string[]) {
  await tx.delete(locationCustomGroups).where(eq(locationCustomGroups.locationId, locationId));
  const groupIds = await ensureCustomGroups(tx, tenantId, names);
  if (groupIds.length) await tx.insert(locationCustomGroups).values(groupIds.map((groupId) => ({ locationId, groupId })));
}

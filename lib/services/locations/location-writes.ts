import { and, eq, isNull, ne } from 'drizzle-orm';
import { getDb, type Tx } from '@/lib/db/client';
import { locationCustomGroups, locations } from '@/lib/db/schema';
import { asUniqueClash, conflict } from '@/lib/services/shared/unique-clash';
import { ensureCustomGroups } from '@/lib/services/shared/custom-groups';

export const EXTERNAL_ID_CONSTRAINT = 'locations_tenant_external_id_live_uq';

/** 409 when another live location of the tenant already has this external_id. */
export async function assertExternalIdFree(tx: Tx, tenantId: string, externalId: string | null | undefined, selfId?: string) {
  if (!externalId) return;
  const [clash] = await findExternalId(tx, tenantId, externalId, selfId);
  if (clash) throw conflict(clashDetail(externalId), clash.id);
}

const clashDetail = (externalId: string) => `A location with external_id "${externalId}" already exists in this tenant.`;

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

/** Turns a lost external_id race (unique index violation) into the 409 the check gives. */
export async function asExternalIdClash(
  error: unknown,
  clash: { tenantId: string; externalId: string | null | undefined; selfId?: string } | undefined,
): Promise<unknown> {
  const externalId = clash?.externalId;
  if (!clash || !externalId) return error;
  return asUniqueClash(
    error,
    EXTERNAL_ID_CONSTRAINT,
    async () => (await findExternalId(getDb(), clash.tenantId, externalId, clash.selfId))[0]?.id,
    clashDetail(externalId),
  );
}

/** Replaces the location's custom groups, creating new group names in its tenant. */
export async function setLocationGroups(tx: Tx, tenantId: string, locationId: string, names: string[]) {
  await tx.delete(locationCustomGroups).where(eq(locationCustomGroups.locationId, locationId));
  const groupIds = await ensureCustomGroups(tx, tenantId, names);
  if (groupIds.length) await tx.insert(locationCustomGroups).values(groupIds.map((groupId) => ({ locationId, groupId })));
}

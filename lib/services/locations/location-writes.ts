import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { getDb, type Tx } from '@/lib/db/client';
import { customGroups, locationCustomGroups, locations } from '@/lib/db/schema';
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

/**
 * Makes the location's custom groups `next`, creating new names in its tenant and writing only the
 * links that change. `current` are the names it has now. Returns whether anything was written.
 */
export async function writeLocationGroups(tx: Tx, tenantId: string, locationId: string, current: string[], next: string[]) {
  const removed = current.filter((name) => !next.includes(name));
  const added = [...new Set(next.filter((name) => !current.includes(name)))];
  if (removed.length) {
    await tx
      .delete(locationCustomGroups)
      .where(
        and(
          eq(locationCustomGroups.locationId, locationId),
          inArray(
            locationCustomGroups.groupId,
            tx.select({ id: customGroups.id }).from(customGroups).where(inArray(customGroups.name, removed)),
          ),
        ),
      );
  }
  if (added.length) {
    const groupIds = await ensureCustomGroups(tx, tenantId, added);
    await tx.insert(locationCustomGroups).values(groupIds.map((groupId) => ({ locationId, groupId })));
  }
  return removed.length > 0 || added.length > 0;
}

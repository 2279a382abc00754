import { requirePermission, type AuthContext } from '@/lib/auth/context';
import { locations } from '@/lib/db/schema';
import type { Location, LocationCreateInput } from '@/lib/schemas/location';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { resolveTargetTenant } from '@/lib/services/shared/target-tenant';
import { getLocationOrThrow, locationColumns, toLocation } from './location-record';
import { asExternalIdClash, assertExternalIdFree, writeLocationGroups } from './location-writes';

/** POST /api/v2/locations: creates a location in the caller's (or the named) tenant. */
export async function createLocation({ ctx, input }: { ctx: AuthContext; input: LocationCreateInput }): Promise<Location> {
  requirePermission(ctx, 'location:write');
  let target: { tenantId: string; externalId: string | null | undefined } | undefined;
  return writeTransaction(async (tx) => {
    const tenantId = await resolveTargetTenant(tx, ctx, 'location:write', input.tenant_id);
    target = { tenantId, externalId: input.external_id };
    await assertExternalIdFree(tx, tenantId, input.external_id);
    const [inserted] = await tx
      .insert(locations)
      .values({ tenantId, ...locationColumns(input) })
      .returning({ id: locations.id });
    const id = inserted!.id;
    await writeLocationGroups(tx, tenantId, id, [], input.custom_groups ?? []);
    const created = toLocation(await getLocationOrThrow(tx, ctx, id));
    await recordAudit(tx, ctx, { action: 'location.created', entity: 'location', entityId: id, tenantId, after: created });
    return created;
  }).catch(async (error) => {
    throw await asExternalIdClash(error, target);
  });
}

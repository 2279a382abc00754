import { eq, sql } from 'drizzle-orm';
import { can, requirePermission, type AuthContext } from '@/lib/auth/context';
import { locations } from '@/lib/db/schema';
import { locationReplaceSchema, type Location } from '@/lib/schemas/location';
import { parseOrThrow } from '@/lib/schemas/parse';
import { recordAudit } from '@/lib/services/shared/audit';
import { changedAt, writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { applyMergePatch, stripReadOnly } from '@/lib/services/shared/merge-patch';
import { getLocationOrThrow, locationColumns, toLocation, writableLocation } from './location-record';
import { asExternalIdClash, assertExternalIdFree, setLocationGroups } from './location-writes';

/** Fields a PUT/PATCH may echo but never change (SPEC section 3). */
export const LOCATION_READ_ONLY = ['id', 'tenant_id', 'version', 'created_at', 'updated_at', 'stations_count', 'evses_count'] as const;

type UpdateLocationArgs = {
  ctx: AuthContext;
  id: string;
  /** The parsed JSON object of the request. */
  body: Record<string, unknown>;
  /** `replace` for PUT (left-out optional fields are cleared), `merge` for PATCH (RFC 7396). */
  mode: 'replace' | 'merge';
  /** From If-Match; a different current version answers 412 and changes nothing. */
  expectedVersion?: number;
};

/** PUT / PATCH /api/v2/locations/{id}. */
export async function updateLocation({ ctx, id, body, mode, expectedVersion }: UpdateLocationArgs): Promise<Location> {
  let target: { tenantId: string; externalId: string | null | undefined; selfId: string } | undefined;
  return writeTransaction(async (tx) => {
    const record = await getLocationOrThrow(tx, ctx, id, { forUpdate: true });
    const current = toLocation(record);
    const tenantId = current.tenant_id;

    // Installers may write only a location's maintenance block (SPEC section 1).
    const maintenanceOnly = mode === 'merge' && Object.keys(body).length > 0 && Object.keys(body).every((k) => k === 'maintenance');
    if (!(maintenanceOnly && can(ctx, 'station:maintenance', tenantId))) {
      requirePermission(ctx, 'location:write', tenantId);
    }
    assertVersion('location', current.version, expectedVersion);

    const changes = stripReadOnly(body, current, LOCATION_READ_ONLY);
    const next = mode === 'merge' ? applyMergePatch(writableLocation(current), changes) : changes;
    const input = parseOrThrow(locationReplaceSchema, next);

    target = { tenantId, externalId: input.external_id, selfId: id };
    await assertExternalIdFree(tx, tenantId, input.external_id, id);
    await tx
      .update(locations)
      .set({ ...locationColumns(input), version: sql`${locations.version} + 1`, updatedAt: changedAt })
      .where(eq(locations.id, id));
    await setLocationGroups(tx, tenantId, id, input.custom_groups ?? []);

    const updated = toLocation(await getLocationOrThrow(tx, ctx, id));
    await recordAudit(tx, ctx, {
      action: 'location.updated',
      entity: 'location',
      entityId: id,
      tenantId,
      before: current,
      after: updated,
    });
    return updated;
  }).catch(async (error) => {
    throw await asExternalIdClash(error, target);
  });
}

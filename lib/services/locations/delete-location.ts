import { and, eq, isNull } from 'drizzle-orm';
import { requirePermission, type AuthContext } from '@/lib/auth/context';
import { chargeStations, locations } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { recordDeletion, softDeleted } from '@/lib/services/shared/soft-delete';
import { getLocationOrThrow, toLocation } from './location-record';

/** DELETE /api/v2/locations/{id}: soft delete; 409 while live stations are linked to it. */
export async function deleteLocation({ ctx, id, expectedVersion }: { ctx: AuthContext; id: string; expectedVersion?: number }) {
  await writeTransaction(async (tx) => {
    const record = await getLocationOrThrow(tx, ctx, id, { forUpdate: true });
    const current = toLocation(record);
    requirePermission(ctx, 'location:delete', current.tenant_id);
    assertVersion('location', current.version, expectedVersion);
    const [linked] = await tx
      .select({ id: chargeStations.id })
      .from(chargeStations)
      .where(and(eq(chargeStations.locationId, id), isNull(chargeStations.deletedAt)))
      .limit(1);
    if (linked) throw new AppError('conflict', 'The location still has charge stations; unlink or delete them first.');
    // A delete is a change too: it bumps updated_at so incremental syncs see it.
    await tx.update(locations).set(softDeleted(locations.version)).where(eq(locations.id, id));
    await recordDeletion(tx, ctx, { entity: 'location', entityId: id, tenantId: current.tenant_id });
  });
}

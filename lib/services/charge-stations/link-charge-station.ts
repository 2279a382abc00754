import { eq } from 'drizzle-orm';
import { requirePermission, type AuthContext } from '@/lib/auth/context';
import { chargeStations } from '@/lib/db/schema';
import type { ChargeStation } from '@/lib/schemas/charge-station';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { bumpVersion, getStationRowOrThrow, reloadStation, toChargeStation, writableStation } from './station-record';
import { assertTariffsOffered, setStationGroups, tariffReferences, targetLocationOrThrow } from './station-writes';

/**
 * POST /api/v2/charge-stations/{id}/link: sets the location and moves the station into the
 * location's tenant. Needs station:link on the station (pool included) and in the target tenant.
 */
export async function linkChargeStation({
  ctx,
  id,
  locationId,
  expectedVersion,
}: {
  ctx: AuthContext;
  id: string;
  locationId: string;
  expectedVersion?: number;
}): Promise<ChargeStation> {
  return writeTransaction(async (tx) => {
    const row = await getStationRowOrThrow(tx, ctx, id, { forUpdate: true });
    requirePermission(ctx, 'station:link', row.tenantId);
    assertVersion('charge station', row.version, expectedVersion);
    const location = await targetLocationOrThrow(tx, ctx, locationId);
    requirePermission(ctx, 'station:link', location.tenantId);
    const before = await toChargeStation(tx, row);
    if (row.tenantId !== location.tenantId) {
      // Moving tenants: its tariff codes must be offered there, and its groups move by name.
      await assertTariffsOffered(tx, location.tenantId, tariffReferences(writableStation(before).evses ?? []));
      await setStationGroups(tx, location.tenantId, id, before.custom_groups);
    }
    await tx
      .update(chargeStations)
      .set({
        tenantId: location.tenantId,
        locationId: location.id,
        ...(row.commissioningStatus === 'NEW' ? { commissioningStatus: 'LINKED' as const } : {}),
        ...bumpVersion,
      })
      .where(eq(chargeStations.id, id));
    const after = await reloadStation(tx, id);
    const event = { action: 'charge_station.linked', entity: 'charge_station', entityId: id } as const;
    if (row.tenantId === location.tenantId) {
      await recordAudit(tx, ctx, { ...event, tenantId: location.tenantId, before, after });
    } else {
      // Each tenant's audit log sees only its own side of the move, never the other tenant.
      await recordAudit(tx, ctx, { ...event, tenantId: row.tenantId, before, after: null });
      await recordAudit(tx, ctx, { ...event, tenantId: location.tenantId, before: null, after });
    }
    return after;
  });
}

/** POST /api/v2/charge-stations/{id}/unlink: clears the location, keeps the tenant. */
export async function unlinkChargeStation({
  ctx,
  id,
  expectedVersion,
}: {
  ctx: AuthContext;
  id: string;
  expectedVersion?: number;
}): Promise<ChargeStation> {
  return writeTransaction(async (tx) => {
    const row = await getStationRowOrThrow(tx, ctx, id, { forUpdate: true });
    requirePermission(ctx, 'station:link', row.tenantId);
    assertVersion('charge station', row.version, expectedVersion);
    const before = await toChargeStation(tx, row);
    await tx
      .update(chargeStations)
      .set({ locationId: null, ...bumpVersion })
      .where(eq(chargeStations.id, id));
    const after = await reloadStation(tx, id);
    await recordAudit(tx, ctx, {
      action: 'charge_station.unlinked',
      entity: 'charge_station',
      entityId: id,
      tenantId: row.tenantId,
      before,
      after,
    });
    return after;
  });
}

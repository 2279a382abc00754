import type { ChargeStation } from '@/lib/schemas/charge-station';
import { actorRef, requirePermission } from '@/lib/auth/context';
import { enqueueStationCommand } from '@/lib/services/ocpp/enqueue-station-command';
import { hasOpenCommand } from './command-record';
import { runStationCommand, type StationVerbArgs } from './station-command';
import { writableStation } from './station-record';
import { assertTariffsOffered, setStationGroups, tariffReferences, targetLocationOrThrow } from './station-writes';

/**
 * POST /api/v2/charge-stations/{id}/link: sets the location and moves the station into the
 * location's tenant. Needs station:link on the station (pool included) and in the target tenant.
 * A station without an OCPP password gets a `provision_password` command in the same transaction
 * (unless one is still waiting to be sent: a second would only replace the key the first sends).
 */
export function linkChargeStation({
  ctx,
  id,
  locationId,
  expectedVersion,
}: StationVerbArgs & { locationId: string }): Promise<ChargeStation> {
  let targetTenantId: string | null = null;
  return runStationCommand({
    ctx,
    id,
    expectedVersion,
    permission: 'station:link',
    action: 'charge_station.linked',
    apply: async (tx, row, before) => {
      const location = await targetLocationOrThrow(tx, ctx, locationId);
      requirePermission(ctx, 'station:link', location.tenantId);
      targetTenantId = location.tenantId;
      if (row.tenantId !== location.tenantId) {
        // Moving tenants: its tariff codes must be offered there, and its groups move by name.
        await assertTariffsOffered(tx, location.tenantId, tariffReferences(writableStation(before).evses ?? []));
        await setStationGroups(tx, location.tenantId, id, before.custom_groups);
      }
      // A station without a password of its own (an unknown one from the pool) gets one now: the
      // gateway generates it and sends it as its AuthorizationKey, now or when it next connects.
      if (!row.ocppPasswordHash && !(await hasOpenCommand(tx, id, 'provision_password'))) {
        await enqueueStationCommand(tx, { stationId: id, kind: 'provision_password', requestedBy: actorRef(ctx.actor) });
      }
      return {
        tenantId: location.tenantId,
        locationId: location.id,
        ...(row.commissioningStatus === 'NEW' ? { commissioningStatus: 'LINKED' as const } : {}),
      };
    },
    audit: (row, before, after) =>
      row.tenantId === targetTenantId
        ? [{ tenantId: targetTenantId, before, after }]
        : // Each tenant's audit log sees only its own side of the move, never the other tenant.
          [
            { tenantId: row.tenantId, before, after: null },
            { tenantId: targetTenantId, before: null, after },
          ],
  });
}

/** POST /api/v2/charge-stations/{id}/unlink: clears the location, keeps the tenant. */
export function unlinkChargeStation({ ctx, id, expectedVersion }: StationVerbArgs): Promise<ChargeStation> {
  return runStationCommand({
    ctx,
    id,
    expectedVersion,
    permission: 'station:link',
    action: 'charge_station.unlinked',
    apply: async () => ({ locationId: null }),
  });
}

import { and, eq, inArray } from 'drizzle-orm';
import { requirePermission, type AuthContext } from '@/lib/auth/context';
import { chargeStations, evses } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import type { AvailabilityInput, ChargeStation } from '@/lib/schemas/charge-station';
import { recordAudit } from '@/lib/services/shared/audit';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { assertVersion } from '@/lib/services/shared/if-match';
import { bumpVersion, getStationRowOrThrow, reloadStation, toChargeStation } from './station-record';

/**
 * POST /api/v2/charge-stations/{id}/availability: stores the desired availability of the station
 * or of some EVSEs. Until the station is connected over OCPP the sync state is OFFLINE; a
 * connected station gets PENDING until it answers ChangeAvailability.
 */
export async function setAvailability({
  ctx,
  id,
  input,
  expectedVersion,
}: {
  ctx: AuthContext;
  id: string;
  input: AvailabilityInput;
  expectedVersion?: number;
}): Promise<ChargeStation> {
  return writeTransaction(async (tx) => {
    const row = await getStationRowOrThrow(tx, ctx, id, { forUpdate: true });
    requirePermission(ctx, 'station:availability', row.tenantId);
    assertVersion('charge station', row.version, expectedVersion);
    const before = await toChargeStation(tx, row);
    const sync = row.connected ? ('PENDING' as const) : ('OFFLINE' as const);
    if (input.evse_uids) {
      const known = new Set(before.evses.map((e) => e.uid));
      const errors = input.evse_uids.flatMap((uid, i) =>
        known.has(uid) ? [] : [{ path: `/evse_uids/${i}`, message: 'no EVSE with this uid on this station' }],
      );
      if (errors.length) throw new AppError('validation', 'The request body is invalid.', { errors });
      await tx
        .update(evses)
        .set({ availability: input.availability })
        .where(and(eq(evses.stationId, id), inArray(evses.uid, input.evse_uids)));
      await tx
        .update(chargeStations)
        .set({ availabilitySync: sync, ...bumpVersion })
        .where(eq(chargeStations.id, id));
    } else {
      await tx.update(evses).set({ availability: input.availability }).where(eq(evses.stationId, id));
      await tx
        .update(chargeStations)
        .set({ availability: input.availability, availabilitySync: sync, ...bumpVersion })
        .where(eq(chargeStations.id, id));
    }
    const after = await reloadStation(tx, id);
    await recordAudit(tx, ctx, {
      action: 'charge_station.availability_set',
      entity: 'charge_station',
      entityId: id,
      tenantId: row.tenantId,
      before,
      after,
    });
    return after;
  });
}

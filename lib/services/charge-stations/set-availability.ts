import { and, eq, inArray } from 'drizzle-orm';
import { evses } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import type { AvailabilityInput, ChargeStation } from '@/lib/schemas/charge-station';
import { runStationCommand, type StationVerbArgs } from './station-command';

/**
 * POST /api/v2/charge-stations/{id}/availability: stores the desired availability of the station
 * or of some EVSEs. Until the station is connected over OCPP the sync state is OFFLINE; a
 * connected station gets PENDING until it answers ChangeAvailability.
 */
export function setAvailability({ ctx, id, input, expectedVersion }: StationVerbArgs<AvailabilityInput>): Promise<ChargeStation> {
  return runStationCommand({
    ctx,
    id,
    expectedVersion,
    permission: 'station:availability',
    action: 'charge_station.availability_set',
    apply: async (tx, row, before) => {
      const availabilitySync = row.connected ? ('PENDING' as const) : ('OFFLINE' as const);
      if (!input.evse_uids) {
        await tx.update(evses).set({ availability: input.availability }).where(eq(evses.stationId, id));
        return { availability: input.availability, availabilitySync };
      }
      const known = new Set(before.evses.map((e) => e.uid));
      const errors = input.evse_uids.flatMap((uid, i) =>
        known.has(uid) ? [] : [{ path: `/evse_uids/${i}`, message: 'no EVSE with this uid on this station' }],
      );
      if (errors.length) throw new AppError('validation', 'The request body is invalid.', { errors });
      await tx
        .update(evses)
        .set({ availability: input.availability })
        .where(and(eq(evses.stationId, id), inArray(evses.uid, input.evse_uids)));
      return { availabilitySync };
    },
  });
}

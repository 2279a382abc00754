import { and, eq, inArray } from 'drizzle-orm';
import { actorRef } from '@/lib/auth/context';
import { evses } from '@/lib/db/schema';
import { AppError } from '@/lib/errors';
import type { AvailabilityInput, ChargeStation } from '@/lib/schemas/charge-station';
import { enqueueStationCommand } from '@/lib/services/ocpp/enqueue-station-command';
import { runStationCommand, type StationVerbArgs } from './station-command';

/**
 * POST /api/v2/charge-stations/{id}/availability: stores the desired availability of the station
 * or of some EVSEs and, in the same transaction, a `sync_availability` command that carries it to
 * the station. The station and the EVSEs concerned are PENDING while connected, OFFLINE otherwise
 * (the gateway sends the desired state when the station connects).
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
      const command = { stationId: id, kind: 'sync_availability' as const, requestedBy: actorRef(ctx.actor) };
      if (!input.evse_uids) {
        await tx.update(evses).set({ availability: input.availability, availabilitySync }).where(eq(evses.stationId, id));
        await enqueueStationCommand(tx, { ...command, payload: {} });
        return { availability: input.availability, availabilitySync };
      }
      const known = new Set(before.evses.map((e) => e.uid));
      const errors = input.evse_uids.flatMap((uid, i) =>
        known.has(uid) ? [] : [{ path: `/evse_uids/${i}`, message: 'no EVSE with this uid on this station' }],
      );
      if (errors.length) throw new AppError('validation', 'The request body is invalid.', { errors });
      const evseUids = [...new Set(input.evse_uids)];
      await tx
        .update(evses)
        .set({ availability: input.availability, availabilitySync })
        .where(and(eq(evses.stationId, id), inArray(evses.uid, evseUids)));
      await enqueueStationCommand(tx, { ...command, payload: { evse_uids: evseUids } });
      return { availabilitySync };
    },
  });
}

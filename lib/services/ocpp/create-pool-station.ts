import { sql } from 'drizzle-orm';
import { chargeStations, type BootReport } from '@/lib/db/schema';
import { writeTransaction } from '@/lib/services/shared/change-order';

/**
 * An unknown station's first BootNotification puts it in the unassigned pool (no tenant, no
 * location, AC until someone says otherwise). Safe when two sockets of the same unknown station
 * boot at once: the live ocpp_id is unique, the loser gets the winner's row. Null when a station
 * with that ocpp_id and a password appeared since the handshake.
 */
export async function createPoolStation(args: { ocppId: string; boot: BootReport }): Promise<string | null> {
  return writeTransaction(async (tx) => {
    const [row] = await tx
      .insert(chargeStations)
      .values({
        ocppId: args.ocppId,
        tenantId: null,
        chargerType: 'AC',
        vendor: args.boot.vendor,
        model: args.boot.model,
        serialNumber: args.boot.serial_number,
        firmwareVersion: args.boot.firmware_version,
      })
      .onConflictDoUpdate({
        target: chargeStations.ocppId,
        targetWhere: sql`${chargeStations.deletedAt} is null`,
        set: { ocppId: sql`excluded.ocpp_id` },
        // A station given a password since the handshake is not taken over by this unauthenticated socket.
        setWhere: sql`${chargeStations.ocppPasswordHash} is null`,
      })
      .returning({ id: chargeStations.id });
    return row?.id ?? null;
  });
}

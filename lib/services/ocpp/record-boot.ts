import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { chargeStations, type BootReport } from '@/lib/db/schema';

/**
 * A BootNotification: the reported identity is kept as reported; the record's vendor, model and
 * serial are filled from it only where empty (people may have corrected them), firmware always.
 */
export async function recordBoot(args: { stationId: string; boot: BootReport; at: Date }): Promise<void> {
  const { boot } = args;
  await getDb()
    .update(chargeStations)
    .set({
      bootReport: boot,
      lastBootAt: args.at,
      lastHeartbeatAt: args.at,
      vendor: sql`coalesce(${chargeStations.vendor}, ${boot.vendor})`,
      model: sql`coalesce(${chargeStations.model}, ${boot.model})`,
      serialNumber: sql`coalesce(${chargeStations.serialNumber}, ${boot.serial_number})`,
      ...(boot.firmware_version ? { firmwareVersion: boot.firmware_version } : {}),
      iccid: boot.iccid,
      imsi: boot.imsi,
    })
    .where(eq(chargeStations.id, args.stationId));
}

import { and, eq, isNull, sql } from 'drizzle-orm';
import { chargeStations, connectors, evses } from '@/lib/db/schema';
import { writeTransaction } from '@/lib/services/shared/change-order';
import { bumpVersion } from '@/lib/services/charge-stations/station-record';
import { listConnectorRefs } from './connector-refs';

/** What a discovered connector is recorded as until someone describes it: the common plug of its charger type. */
const DISCOVERED = {
  AC: { standard: 'IEC_62196_T2', format: 'SOCKET', powerType: 'AC_3_PHASE', maxVoltage: 400, maxAmperage: 32 },
  DC: { standard: 'IEC_62196_T2_COMBO', format: 'CABLE', powerType: 'DC', maxVoltage: 920, maxAmperage: 200 },
} as const;

/**
 * A station that is not linked yet learns its connectors from what it reports: a status for
 * connector n beyond those on record adds EVSEs with one connector each up to n (a pool station
 * starts with none, and the installer cannot describe hardware). A linked station's EVSEs are
 * people's data: a number beyond them is left alone. Returns whether connectors were added.
 */
export async function discoverConnectors({ stationId, connector }: { stationId: string; connector: number }): Promise<boolean> {
  return writeTransaction(async (tx) => {
    const [station] = await tx
      .select({ chargerType: chargeStations.chargerType })
      .from(chargeStations)
      .where(and(eq(chargeStations.id, stationId), isNull(chargeStations.locationId), isNull(chargeStations.deletedAt)))
      .for('update');
    if (!station) return false;
    const known = await listConnectorRefs(stationId, tx);
    if (connector <= known.length) return false;
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${evses.position}), -1)` })
      .from(evses)
      .where(eq(evses.stationId, stationId));
    const added = await tx
      .insert(evses)
      .values(Array.from({ length: connector - known.length }, (_, i) => ({ stationId, position: last!.position + 1 + i })))
      .returning({ uid: evses.uid });
    const plug = DISCOVERED[station.chargerType === 'DC' ? 'DC' : 'AC'];
    await tx.insert(connectors).values(added.map(({ uid }) => ({ evseUid: uid, id: '1', position: 0, ...plug })));
    await tx.update(chargeStations).set(bumpVersion).where(eq(chargeStations.id, stationId));
    return true;
  });
}

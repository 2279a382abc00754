import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { chargeStations, evses } from '@/lib/db/schema';
import type { ConnectorRef } from '@/lib/domain/ocpp';
import type { Availability } from '@/lib/domain/vocabulary';
import { listConnectorRefs } from './connector-refs';

export type AvailabilityTargets = {
  /** The station-wide desired availability (sent to connector 0). */
  availability: Availability;
  evses: { uid: string; availability: Availability; connectors: ConnectorRef[] }[];
};

/** The station's desired availability now, with the connectors a ChangeAvailability addresses; null when it is gone. */
export async function loadAvailabilityTargets({ stationId }: { stationId: string }): Promise<AvailabilityTargets | null> {
  const db = getDb();
  const [station] = await db
    .select({ availability: chargeStations.availability })
    .from(chargeStations)
    .where(eq(chargeStations.id, stationId));
  if (!station) return null;
  const evseRows = await db
    .select({ uid: evses.uid, availability: evses.availability })
    .from(evses)
    .where(eq(evses.stationId, stationId))
    .orderBy(asc(evses.position));
  const refs = await listConnectorRefs(stationId, db);
  return {
    availability: station.availability,
    evses: evseRows.map((evse) => ({ ...evse, connectors: refs.filter((ref) => ref.evseUid === evse.uid) })),
  };
}

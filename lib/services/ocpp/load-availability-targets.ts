import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { chargeStations, connectors, evses } from '@/lib/db/schema';
import type { Availability } from '@/lib/domain/vocabulary';

export type AvailabilityTargets = {
  /** The station-wide desired availability (sent to connector 0). */
  availability: Availability;
  evses: {
    uid: string;
    availability: Availability;
    /** The EVSE's connectors with their station-wide number (1-based, EVSE then connector position order). */
    connectors: { connectorId: string; number: number }[];
  }[];
};

/** The station's desired availability now, with the connector numbers a ChangeAvailability addresses; null when it is gone. */
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
    .orderBy(asc(evses.position), asc(evses.uid));
  const connectorRows = evseRows.length
    ? await db
        .select({ evseUid: connectors.evseUid, id: connectors.id })
        .from(connectors)
        .where(
          inArray(
            connectors.evseUid,
            evseRows.map((e) => e.uid),
          ),
        )
        .orderBy(asc(connectors.position), asc(connectors.id))
    : [];
  let number = 0;
  return {
    availability: station.availability,
    evses: evseRows.map((evse) => ({
      ...evse,
      connectors: connectorRows.filter((c) => c.evseUid === evse.uid).map((c) => ({ connectorId: c.id, number: ++number })),
    })),
  };
}

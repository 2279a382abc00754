import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '@/lib/db/client';
import { getDb } from '@/lib/db/client';
import { connectors, evses } from '@/lib/db/schema';

export type NumberedConnector = {
  evseUid: string;
  connectorId: string;
  /** 1-based over the station: EVSEs in position order, then their connectors in position order. */
  number: number;
  reportedStatus: string | null;
};

export async function numberedConnectors(db: Queryable, stationId: string): Promise<NumberedConnector[]> {
  const rows = await db
    .select({ evseUid: connectors.evseUid, connectorId: connectors.id, reportedStatus: connectors.reportedStatus })
    .from(connectors)
    .innerJoin(evses, eq(evses.uid, connectors.evseUid))
    .where(eq(evses.stationId, stationId))
    .orderBy(asc(evses.position), asc(connectors.position), asc(connectors.id));
  return rows.map((row, index) => ({ ...row, number: index + 1 }));
}

/** The station's connectors as OCPP numbers them (docs/OCPP.md#connectors). */
export function listStationConnectors(stationId: string): Promise<NumberedConnector[]> {
  return numberedConnectors(getDb(), stationId);
}

import { eq, inArray } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { chargeStations, connectors, type BootReport } from '@/lib/db/schema';
import { listConnectorRefs } from './connector-refs';

export type ConnectorObservation = {
  number: number;
  evseUid: string;
  connectorId: string;
  reportedStatus: string | null;
  reportedErrorCode: string | null;
  reportedAt: Date | null;
};

/** What the gateway has stored about a station's boot and connectors (the commissioning checks read it). */
export async function loadStationObservations(
  stationId: string,
): Promise<{ bootReport: BootReport | null; lastBootAt: Date | null; connectors: ConnectorObservation[] }> {
  const [station] = await getDb()
    .select({ bootReport: chargeStations.bootReport, lastBootAt: chargeStations.lastBootAt })
    .from(chargeStations)
    .where(eq(chargeStations.id, stationId));
  const refs = await listConnectorRefs(stationId);
  const rows = refs.length
    ? await getDb()
        .select()
        .from(connectors)
        .where(
          inArray(
            connectors.evseUid,
            refs.map((ref) => ref.evseUid),
          ),
        )
    : [];
  const byKey = new Map(rows.map((row) => [`${row.evseUid}/${row.id}`, row]));
  return {
    bootReport: station?.bootReport ?? null,
    lastBootAt: station?.lastBootAt ?? null,
    connectors: refs.map((ref) => {
      const row = byKey.get(`${ref.evseUid}/${ref.connectorId}`);
      return {
        ...ref,
        reportedStatus: row?.reportedStatus ?? null,
        reportedErrorCode: row?.reportedErrorCode ?? null,
        reportedAt: row?.reportedAt ?? null,
      };
    }),
  };
}

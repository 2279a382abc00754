import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { chargeStations, connectors, evses } from '@/lib/db/schema';
import type { EvseStatus } from '@/lib/domain/vocabulary';
import { numberedConnectors } from './list-station-connectors';

const PRECEDENCE: EvseStatus[] = ['OUTOFORDER', 'CHARGING', 'RESERVED', 'AVAILABLE', 'INOPERATIVE'];

/**
 * An EVSE's status over its connectors, a station's over its EVSEs: UNKNOWN until something is
 * reported, then the first of OUTOFORDER, CHARGING, RESERVED, AVAILABLE, INOPERATIVE that any has.
 */
export function aggregateStatus(statuses: EvseStatus[]): EvseStatus {
  return PRECEDENCE.find((status) => statuses.includes(status)) ?? 'UNKNOWN';
}

/**
 * A connector's reported status: the connector row, then its EVSE's and the station's aggregated
 * status. `statusOf` maps the protocol's status words to OCPI (the adapter's table), so siblings
 * reported earlier aggregate the same way. Connector 0 (the station itself) and numbers the
 * station has no connector for change no row. Returns the EVSE the connector belongs to.
 */
export async function recordConnectorStatus(args: {
  stationId: string;
  connector: number;
  reportedStatus: string;
  errorCode: string | null;
  at: Date;
  statusOf: (reportedStatus: string) => EvseStatus;
}): Promise<{ evseUid: string } | null> {
  if (args.connector < 1) return null;
  // Serialized per station, so two reports in flight cannot aggregate each other's stale sibling.
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select 1 from charge_stations where id = ${args.stationId} for update`);
    const all = await numberedConnectors(tx, args.stationId);
    const target = all.find((connector) => connector.number === args.connector);
    if (!target) return null;
    target.reportedStatus = args.reportedStatus;
    await tx
      .update(connectors)
      .set({ reportedStatus: args.reportedStatus, reportedErrorCode: args.errorCode, reportedAt: args.at })
      .where(and(eq(connectors.evseUid, target.evseUid), eq(connectors.id, target.connectorId)));

    const evseStatuses = new Map<string, EvseStatus>();
    for (const evseUid of new Set(all.map((connector) => connector.evseUid))) {
      const reported = all.filter((c) => c.evseUid === evseUid && c.reportedStatus !== null);
      evseStatuses.set(evseUid, aggregateStatus(reported.map((c) => args.statusOf(c.reportedStatus!))));
    }
    await tx
      .update(evses)
      .set({ status: evseStatuses.get(target.evseUid)! })
      .where(eq(evses.uid, target.evseUid));
    await tx
      .update(chargeStations)
      .set({ status: aggregateStatus([...evseStatuses.values()]) })
      .where(eq(chargeStations.id, args.stationId));
    return { evseUid: target.evseUid };
  });
}

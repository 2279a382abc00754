import { asc, eq } from 'drizzle-orm';
import { getDb, type Queryable } from '@/lib/db/client';
import { connectors, evses } from '@/lib/db/schema';
import type { ConnectorRef } from '@/lib/domain/ocpp';

/**
 * A station's connectors numbered as OCPP 1.6 addresses them: 1..n in EVSE position order, then
 * connector position order (docs/OCPP.md#connectors).
 */
export async function listConnectorRefs(stationId: string, db: Queryable = getDb()): Promise<ConnectorRef[]> {
  const rows = await db
    .select({ evseUid: connectors.evseUid, connectorId: connectors.id })
    .from(connectors)
    .innerJoin(evses, eq(evses.uid, connectors.evseUid))
    .where(eq(evses.stationId, stationId))
    .orderBy(asc(evses.position), asc(connectors.position));
  return rows.map((row, i) => ({ ...row, number: i + 1 }));
}

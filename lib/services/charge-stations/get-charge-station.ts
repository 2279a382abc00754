import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { visibility, type AuthContext } from '@/lib/auth/context';
import { getDb, type Database } from '@/lib/db/client';
import { chargeStations, connectorTariffs, connectors, customGroups, evses, stationCustomGroups } from '@/lib/db/schema';
import { isUuid } from '@/lib/domain/ids';
import { notFound } from '@/lib/errors';
import type { ChargeStation } from '@/lib/schemas/charge-station';
import { scopeParameters, visibleConditionPlaceholders } from '@/lib/services/shared/scope';
import { assembleStations } from './station-record';

/**
 * The statements of GET one, built once per pool: building a drizzle query costs the API more CPU
 * than Postgres spends running these, and this is the most frequent read. The station row carries
 * the caller's scope (404 outside it); the EVSE tree and groups are read only after it was found.
 */
function prepareStationReads(db: Database) {
  const id = sql.placeholder('id');
  const evsesOfStation = db.select({ uid: evses.uid }).from(evses).where(eq(evses.stationId, id));
  return {
    row: db
      .select()
      .from(chargeStations)
      .where(and(eq(chargeStations.id, id), isNull(chargeStations.deletedAt), visibleConditionPlaceholders(chargeStations.tenantId)))
      .prepare('station_get'),
    evses: db.select().from(evses).where(eq(evses.stationId, id)).orderBy(asc(evses.position)).prepare('station_get_evses'),
    connectors: db
      .select()
      .from(connectors)
      .where(inArray(connectors.evseUid, evsesOfStation))
      .orderBy(asc(connectors.position))
      .prepare('station_get_connectors'),
    tariffs: db
      .select()
      .from(connectorTariffs)
      .where(inArray(connectorTariffs.evseUid, evsesOfStation))
      .orderBy(asc(connectorTariffs.position))
      .prepare('station_get_tariffs'),
    groups: db
      .select({ stationId: stationCustomGroups.stationId, name: customGroups.name })
      .from(stationCustomGroups)
      .innerJoin(customGroups, eq(customGroups.id, stationCustomGroups.groupId))
      .where(eq(stationCustomGroups.stationId, id))
      .orderBy(asc(customGroups.name))
      .prepare('station_get_groups'),
  };
}

const prepared = new WeakMap<Database, ReturnType<typeof prepareStationReads>>();

/** GET /api/v2/charge-stations/{id}: 404 when missing, deleted or outside the caller's scope. */
export async function getChargeStation({ ctx, id }: { ctx: AuthContext; id: string }): Promise<ChargeStation> {
  if (!isUuid(id)) throw notFound('Charge station');
  const db = getDb();
  let reads = prepared.get(db);
  if (!reads) prepared.set(db, (reads = prepareStationReads(db)));
  const [row] = await reads.row.execute({ id, ...scopeParameters(visibility(ctx, 'station:read')) });
  if (!row) throw notFound('Charge station');
  const [evseRows, connectorRows, tariffRows, groups] = await Promise.all([
    reads.evses.execute({ id }),
    reads.connectors.execute({ id }),
    reads.tariffs.execute({ id }),
    reads.groups.execute({ id }),
  ]);
  return assembleStations([row], { evses: evseRows, connectors: connectorRows, tariffs: tariffRows }, groups)[0]!;
}

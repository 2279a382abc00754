import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/lib/db/client';
import { chargeStations } from '@/lib/db/schema';
import type { WebhookEventType } from '@/lib/domain/vocabulary';
import { toChargeStations } from '@/lib/services/charge-stations/station-record';
import { announceDeliveries, writeEvents } from '@/lib/services/shared/outbox';

/** Whether any enabled subscription wants `type`: telemetry writes pay for events only when someone listens. */
export async function hasSubscribers(db: Queryable, type: WebhookEventType): Promise<boolean> {
  const [row] = await db.execute<{ wanted: boolean }>(
    sql`select exists (select 1 from webhook_subscriptions where enabled and ${type} = any(events)) as wanted`,
  );
  return row?.wanted ?? false;
}

/**
 * The events of what a station itself changed (its status, its connection, the availability it
 * confirmed, its commissioning), written with `db` — the transaction of the change where there is
 * one — carrying each station as the API's GET shows it.
 */
export async function writeStationEvents(db: Queryable, type: WebhookEventType, stationIds: readonly string[]): Promise<void> {
  if (!stationIds.length || !(await hasSubscribers(db, type))) return;
  const rows = await db
    .select()
    .from(chargeStations)
    .where(and(inArray(chargeStations.id, [...stationIds]), isNull(chargeStations.deletedAt)));
  const stations = await toChargeStations(db, rows);
  const written = await writeEvents(
    db,
    stations.map((station) => ({ type, tenantId: station.tenant_id, objectId: station.id, data: station })),
  );
  if (written.length) announceDeliveries();
}

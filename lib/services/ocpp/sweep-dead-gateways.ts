import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { releaseStations } from './station-offline';

/**
 * Any gateway may run this: stations held by a gateway that has not refreshed its `seen_at` for
 * `silentMs` (or that is not registered at all) are disconnected, their calls in flight failed, and the dead gateways removed.
 * Returns how many stations were released.
 */
export async function sweepDeadGateways(args: { gatewayId: string; silentMs: number }): Promise<number> {
  const db = getDb();
  const cutoff = sql`now() - make_interval(secs => ${args.silentMs / 1000})`;
  const released = await releaseStations(
    db,
    // A station marked connected with no holder (data from before the gateway kept the column) is not connected either.
    sql`(gateway_id is not null and gateway_id <> ${args.gatewayId}
         and gateway_id not in (select id from ocpp_gateways where seen_at >= ${cutoff}))
        or (connected and gateway_id is null)`,
  );
  // A call the dead gateway had in flight will never be answered to anyone.
  await db.execute(sql`
    update station_commands set status = 'FAILED', error = 'the gateway holding the station stopped before the answer',
      finished_at = clock_timestamp()
    where status = 'SENT' and gateway_id is not null and gateway_id <> ${args.gatewayId}
      and gateway_id not in (select id from ocpp_gateways where seen_at >= ${cutoff})`);
  await db.execute(sql`delete from ocpp_gateways where seen_at < ${cutoff} and id <> ${args.gatewayId}`);
  return released.length;
}

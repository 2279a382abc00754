import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';

/** NOTIFY channel telling the gateway that held a station that another one took it over. */
export const STATION_MOVED_CHANNEL = 'ocpp_station_moved';

/**
 * The station's socket is now on `gatewayId`: it is connected and held there. When another
 * gateway held it, that one is told at once (it also finds out by its ownership check).
 */
export async function claimStation(args: { stationId: string; gatewayId: string }): Promise<{ previousGatewayId: string | null }> {
  const [row] = await getDb().execute<{ previous: string | null }>(sql`
    with previous as (select gateway_id from charge_stations where id = ${args.stationId} for update)
    update charge_stations
       set connected = true, gateway_id = ${args.gatewayId}, connected_at = now()
     where id = ${args.stationId}
     returning (select gateway_id from previous) as previous`);
  const previousGatewayId = row?.previous ?? null;
  if (previousGatewayId && previousGatewayId !== args.gatewayId) {
    await getDb().execute(sql`select pg_notify(${STATION_MOVED_CHANNEL}, ${args.stationId})`);
  }
  return { previousGatewayId };
}

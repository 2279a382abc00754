import { sql } from 'drizzle-orm';
import { writeStationEvents } from './station-events';
import { telemetryWrite } from './telemetry-write';

/** NOTIFY channel telling the gateway that held a station that another one took it over. */
export const STATION_MOVED_CHANNEL = 'ocpp_station_moved';

/**
 * The station's socket is now on `gatewayId`: it is connected and held there. When another
 * gateway held it, that one is told at once (it also finds out by its ownership check).
 */
export async function claimStation(args: { stationId: string; gatewayId: string }): Promise<{ previousGatewayId: string | null }> {
  return telemetryWrite(async (tx) => {
    const [row] = await tx.execute<{ previous: string | null }>(sql`
      update charge_stations s
         set connected = true, gateway_id = ${args.gatewayId}, connected_at = now()
        from (select gateway_id as previous from charge_stations where id = ${args.stationId} for update) p
       where s.id = ${args.stationId}
       returning p.previous`);
    const previousGatewayId = row?.previous ?? null;
    // Delivered at commit.
    if (previousGatewayId && previousGatewayId !== args.gatewayId) {
      await tx.execute(sql`select pg_notify(${STATION_MOVED_CHANNEL}, ${args.stationId})`);
    }
    await writeStationEvents(tx, 'charge_station.connected', [args.stationId]);
    return { previousGatewayId };
  });
}

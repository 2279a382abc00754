import { sql } from 'drizzle-orm';
import { telemetryDb } from './telemetry-write';
import { releaseStations } from './station-offline';

/**
 * The socket of a station closed on `gatewayId`. Marks it offline only if that gateway still holds
 * it: a station that meanwhile connected to another gateway stays connected there.
 */
export async function releaseStation(args: { stationId: string; gatewayId: string }): Promise<boolean> {
  const released = await releaseStations(telemetryDb(), sql`id = ${args.stationId} and gateway_id = ${args.gatewayId}`);
  return released.length > 0;
}

import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';

/**
 * Claims the RUNNING commissioning runs of the stations this gateway holds. The `gateway_id is
 * null` test under the row lock makes a run go to exactly one gateway, even when two poll at once.
 */
export async function claimTestRuns({ gatewayId }: { gatewayId: string }): Promise<{ runId: string; stationId: string }[]> {
  const rows = await getDb().execute<{ run_id: string; station_id: string }>(sql`
    update station_test_runs r set gateway_id = ${gatewayId}
    from charge_stations s
    where s.id = r.station_id and s.gateway_id = ${gatewayId} and s.connected
      and r.status = 'RUNNING' and r.gateway_id is null
    returning r.id as run_id, r.station_id`);
  return rows.map((row) => ({ runId: row.run_id, stationId: row.station_id }));
}

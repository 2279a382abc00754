import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { releaseStationsWhere } from './station-offline';

/**
 * Any gateway may run this: stations held by a gateway that has not refreshed its `seen_at` for
 * `silentMs` (or that is not registered at all) are disconnected, and the dead gateways removed.
 * Returns how many stations were released.
 */
export async function sweepDeadGateways(args: { gatewayId: string; silentMs: number }): Promise<number> {
  const db = getDb();
  const cutoff = sql`now() - make_interval(secs => ${args.silentMs / 1000})`;
  const released = await db.execute(
    releaseStationsWhere(
      sql`gateway_id is not null and gateway_id <> ${args.gatewayId}
          and gateway_id not in (select id from ocpp_gateways where seen_at >= ${cutoff})`,
    ),
  );
  await db.execute(sql`delete from ocpp_gateways where seen_at < ${cutoff} and id <> ${args.gatewayId}`);
  return released.length;
}

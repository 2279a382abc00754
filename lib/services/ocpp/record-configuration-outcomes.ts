import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { chargeStations } from '@/lib/db/schema';
import type { ConfigurationSync } from '@/lib/domain/vocabulary';

/**
 * Stores each key's sync state after the station answered ChangeConfiguration for it. Only a key
 * whose desired value is still the one sent is updated (a later change has its own command queued).
 */
export async function recordConfigurationOutcomes({
  stationId,
  outcomes,
}: {
  stationId: string;
  outcomes: { key: string; value: string; state: ConfigurationSync }[];
}): Promise<void> {
  if (!outcomes.length) return;
  await getDb()
    .update(chargeStations)
    .set({
      configurationSync: sql`${chargeStations.configurationSync} || coalesce((
        select jsonb_object_agg(o.key, o.state)
        from jsonb_to_recordset(${JSON.stringify(outcomes)}::jsonb) as o(key text, value text, state text)
        where ${chargeStations.configuration} ->> o.key = o.value
      ), '{}'::jsonb)`,
    })
    .where(eq(chargeStations.id, stationId));
}

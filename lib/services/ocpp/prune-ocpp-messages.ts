import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';

/**
 * Message log retention: for each of `stationIds` (the stations written to since the last prune)
 * only the newest `keepPerStation` frames, and for every station nothing older than `maxAgeMs`.
 * Both walk indexes: (station_id, id) per station, and the primary key from the oldest frame up to
 * the first one young enough, which is where the old frames are.
 */
export async function pruneOcppMessages(args: { stationIds: string[]; keepPerStation: number; maxAgeMs: number }): Promise<void> {
  const db = getDb();
  if (args.stationIds.length) {
    await db.execute(sql`
      delete from ocpp_messages m
       using (select s.id as station_id,
                     (select id from ocpp_messages where station_id = s.id order by id desc offset ${args.keepPerStation - 1} limit 1) as oldest_kept
                from unnest(${`{${args.stationIds.join(',')}}`}::uuid[]) as s(id)) k
       where m.station_id = k.station_id and m.id < k.oldest_kept`);
  }
  const cutoff = sql`now() - make_interval(secs => ${args.maxAgeMs / 1000})`;
  await db.execute(sql`
    delete from ocpp_messages
     where at < ${cutoff}
       and id < coalesce((select id from ocpp_messages where at >= ${cutoff} order by id limit 1), 9223372036854775807)`);
}

import { sql } from 'drizzle-orm';
import type { Database, Queryable } from '@/lib/db/client';
import { writeStationEvents } from './station-events';

// Shared by the verbs that move availability_sync (docs/OCPP.md#availability-sync). A connector
// confirms INOPERATIVE by reporting Unavailable and OPERATIVE by reporting anything else.

/**
 * EVSEs whose answer is in (PENDING or SCHEDULED with availability_accepted_at) and whose every
 * connector's last report confirms the desired availability become APPLIED. Returns whether any did.
 */
export async function applyConfirmedAvailability(db: Queryable, stationId: string): Promise<boolean> {
  const rows = await db.execute(sql`
    update evses e set availability_sync = 'APPLIED'
    where e.station_id = ${stationId}
      and e.availability_sync in ('PENDING', 'SCHEDULED')
      and e.availability_accepted_at is not null
      and not exists (
        select 1 from connectors c
        where c.evse_uid = e.uid
          and (c.reported_status is null or (c.reported_status = 'Unavailable') <> (e.availability = 'INOPERATIVE'))
      )
    returning e.uid`);
  return rows.length > 0;
}

/**
 * The station's availability_sync from its EVSEs': OFFLINE when disconnected, else REJECTED if any
 * is, else PENDING (an EVSE not yet sent counts as pending), else SCHEDULED, else APPLIED. A station
 * without EVSEs keeps the state its own answer gave it. The row is locked before the EVSEs are read:
 * an UPDATE … FROM that waited for a person's change would still aggregate the EVSEs as they were
 * before it.
 */
export async function refreshStationAvailabilitySync(db: Database, stationId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [before] = await tx.execute<{ sync: string }>(
      sql`select availability_sync as sync from charge_stations where id = ${stationId} for update`,
    );
    const after = await tx.execute<{ sync: string }>(sql`
      update charge_stations s
      set availability_sync = case when not s.connected then 'OFFLINE' else evse_states.state end
      from (
        select case
            when bool_or(availability_sync = 'REJECTED') then 'REJECTED'
            when bool_or(availability_sync in ('PENDING', 'OFFLINE')) then 'PENDING'
            when bool_or(availability_sync = 'SCHEDULED') then 'SCHEDULED'
            else 'APPLIED' end as state
        from evses where station_id = ${stationId}
        having count(*) > 0
      ) evse_states
      where s.id = ${stationId}
      returning s.availability_sync as sync`);
    // The station reached the availability asked of it, or refused it: news for integrations.
    const reached = after[0]?.sync;
    if (reached !== before?.sync && (reached === 'APPLIED' || reached === 'REJECTED')) {
      await writeStationEvents(tx, reached === 'APPLIED' ? 'availability.applied' : 'availability.rejected', [stationId]);
    }
  });
}

import { sql } from 'drizzle-orm';
import type { Queryable } from '@/lib/db/client';

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
 * without EVSEs keeps the state its own answer gave it.
 */
export async function refreshStationAvailabilitySync(db: Queryable, stationId: string): Promise<void> {
  await db.execute(sql`
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
    where s.id = ${stationId}`);
}

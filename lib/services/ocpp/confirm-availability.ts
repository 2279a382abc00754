import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { applyConfirmedAvailability, refreshStationAvailabilitySync } from './availability-sync';

/**
 * After a status report was stored: EVSEs waiting for confirmation whose connectors now report the
 * desired availability become APPLIED, and the station's state follows. Says whether any EVSE
 * still waits, so the caller stops asking once none does.
 */
export async function confirmAvailability({ stationId }: { stationId: string }): Promise<{ awaiting: boolean }> {
  const db = getDb();
  if (await applyConfirmedAvailability(db, stationId)) await refreshStationAvailabilitySync(db, stationId);
  const [row] = await db.execute<{ awaiting: boolean }>(sql`
    select exists (
      select 1 from evses
      where station_id = ${stationId} and availability_sync in ('PENDING', 'SCHEDULED') and availability_accepted_at is not null
    ) as awaiting`);
  return { awaiting: row!.awaiting };
}

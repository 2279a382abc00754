import { getDb } from '@/lib/db/client';
import { applyConfirmedAvailability, refreshStationAvailabilitySync } from './availability-sync';

/**
 * After a status report was stored: EVSEs waiting for confirmation whose connectors now report the
 * desired availability become APPLIED, and the station's state follows. One statement when nothing
 * waits.
 */
export async function confirmAvailability({ stationId }: { stationId: string }): Promise<void> {
  const db = getDb();
  if (await applyConfirmedAvailability(db, stationId)) await refreshStationAvailabilitySync(db, stationId);
}

import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { chargeStations, evses } from '@/lib/db/schema';
import type { Availability, AvailabilitySync } from '@/lib/domain/vocabulary';
import { applyConfirmedAvailability, refreshStationAvailabilitySync } from './availability-sync';

export type AvailabilityOutcome = 'ACCEPTED' | 'SCHEDULED' | 'REJECTED';

const SYNC_AFTER: Record<AvailabilityOutcome, AvailabilitySync> = {
  ACCEPTED: 'PENDING',
  SCHEDULED: 'SCHEDULED',
  REJECTED: 'REJECTED',
};

/**
 * Stores how a station answered the availability sent for each EVSE (and, for a station without
 * EVSEs, for the station itself). Accepted and scheduled answers wait for a confirming status
 * report — or are APPLIED at once when the last reports already confirm. A desired value changed
 * since it was sent is left alone: the command queued with that change sends it.
 */
export async function recordAvailabilityAnswers({
  stationId,
  evseAnswers,
  stationAnswer,
}: {
  stationId: string;
  evseAnswers: { evseUid: string; availability: Availability; outcome: AvailabilityOutcome }[];
  stationAnswer?: { availability: Availability; outcome: AvailabilityOutcome };
}): Promise<void> {
  const db = getDb();
  for (const answer of evseAnswers) {
    await db
      .update(evses)
      .set({
        availabilitySync: SYNC_AFTER[answer.outcome],
        availabilityAcceptedAt: answer.outcome === 'REJECTED' ? null : sql`clock_timestamp()`,
      })
      .where(and(eq(evses.uid, answer.evseUid), eq(evses.stationId, stationId), eq(evses.availability, answer.availability)));
  }
  if (stationAnswer) {
    await db
      .update(chargeStations)
      .set({ availabilitySync: stationAnswer.outcome === 'ACCEPTED' ? 'APPLIED' : SYNC_AFTER[stationAnswer.outcome] })
      .where(and(eq(chargeStations.id, stationId), eq(chargeStations.availability, stationAnswer.availability)));
  }
  await applyConfirmedAvailability(db, stationId);
  await refreshStationAvailabilitySync(db, stationId);
}

import { and, asc, eq, gt, isNull, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/lib/db/client';
import { chargeStations, stationCommands } from '@/lib/db/schema';
import type { StationCommandKind } from '@/lib/domain/vocabulary';

/** A command a gateway has just marked SENT and now sends. */
export type ClaimedStationCommand = {
  id: string;
  stationId: string;
  kind: StationCommandKind;
  payload: Record<string, unknown>;
  attempts: number;
};

const inFlight = alias(stationCommands, 'in_flight');

/**
 * Claims the station's oldest QUEUED command for this gateway and marks it SENT, or returns null.
 * Only the gateway the station row names may claim, and only while the station has no SENT command
 * (one call in flight per station). A station that is not accepted gets its password provisioning
 * only; its other commands wait. SKIP LOCKED: a concurrent claimer passes over the row instead of
 * waiting for it. The row is picked by a scalar subquery, which runs once: under `in (...)` the
 * planner may rerun a LIMIT 1 … SKIP LOCKED subquery per row and mark several commands SENT.
 */
export async function claimStationCommand({
  gatewayId,
  stationId,
  accepted,
}: {
  gatewayId: string;
  stationId: string;
  accepted: boolean;
}): Promise<ClaimedStationCommand | null> {
  const next = getDb()
    .select({ id: stationCommands.id })
    .from(stationCommands)
    .innerJoin(chargeStations, eq(chargeStations.id, stationCommands.stationId))
    .where(
      and(
        eq(stationCommands.stationId, stationId),
        eq(stationCommands.status, 'QUEUED'),
        eq(chargeStations.gatewayId, gatewayId),
        or(isNull(stationCommands.expiresAt), gt(stationCommands.expiresAt, sql`clock_timestamp()`)),
        accepted ? undefined : eq(stationCommands.kind, 'provision_password'),
        notExists(
          getDb()
            .select({ one: sql`1` })
            .from(inFlight)
            .where(and(eq(inFlight.stationId, stationId), eq(inFlight.status, 'SENT'))),
        ),
      ),
    )
    .orderBy(asc(stationCommands.seq))
    .limit(1)
    .for('update', { of: stationCommands, skipLocked: true });
  const [claimed] = await getDb()
    .update(stationCommands)
    .set({
      status: 'SENT',
      attempts: sql`${stationCommands.attempts} + 1`,
      sentAt: sql`clock_timestamp()`,
      gatewayId,
    })
    .where(and(eq(stationCommands.id, sql`(${next})`), eq(stationCommands.status, 'QUEUED')))
    .returning({
      id: stationCommands.id,
      stationId: stationCommands.stationId,
      kind: stationCommands.kind,
      payload: stationCommands.payload,
      attempts: stationCommands.attempts,
    });
  return claimed ?? null;
}

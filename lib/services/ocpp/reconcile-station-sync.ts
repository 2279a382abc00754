import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { chargeStations, evses, stationCommands } from '@/lib/db/schema';
import type { StationCommandKind } from '@/lib/domain/vocabulary';
import { enqueueStationCommand } from './enqueue-station-command';

type WantedCommand = { kind: StationCommandKind; payload: Record<string, unknown> };

/** JSON with object keys sorted, so two payloads compare equal whatever order jsonb gave their keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * After an accepted station connects or boots (stations forget Inoperative when they reboot):
 * every availability and configuration sync state becomes PENDING and the desired state is queued
 * again — availability station-wide when every EVSE wants the station's value, else per EVSE; all
 * desired configuration keys; then GetConfiguration. A command identical to one still QUEUED is
 * not queued twice. Returns the commands queued.
 */
export async function reconcileStationSync({ stationId }: { stationId: string }): Promise<WantedCommand[]> {
  return getDb().transaction(async (tx) => {
    const [station] = await tx
      .select({ availability: chargeStations.availability, configuration: chargeStations.configuration })
      .from(chargeStations)
      .where(eq(chargeStations.id, stationId))
      .for('update');
    if (!station) return [];
    const evseRows = await tx
      .select({ uid: evses.uid, availability: evses.availability })
      .from(evses)
      .where(eq(evses.stationId, stationId))
      .orderBy(asc(evses.position), asc(evses.uid));
    const keys = Object.keys(station.configuration).sort();
    await tx.update(evses).set({ availabilitySync: 'PENDING', availabilityAcceptedAt: null }).where(eq(evses.stationId, stationId));
    await tx
      .update(chargeStations)
      .set({ availabilitySync: 'PENDING', configurationSync: Object.fromEntries(keys.map((key) => [key, 'PENDING' as const])) })
      .where(eq(chargeStations.id, stationId));

    const stationWide = evseRows.every((evse) => evse.availability === station.availability);
    const wanted: WantedCommand[] = [
      ...(stationWide
        ? [{ kind: 'sync_availability' as const, payload: {} }]
        : evseRows.map((evse) => ({ kind: 'sync_availability' as const, payload: { evse_uids: [evse.uid] } }))),
      ...(keys.length ? [{ kind: 'sync_configuration' as const, payload: { keys } }] : []),
      { kind: 'get_configuration', payload: {} },
    ];
    const queued = await tx
      .select({ kind: stationCommands.kind, payload: stationCommands.payload })
      .from(stationCommands)
      .where(and(eq(stationCommands.stationId, stationId), eq(stationCommands.status, 'QUEUED')));
    const alreadyQueued = new Set(queued.map((command) => `${command.kind} ${canonical(command.payload)}`));
    const toQueue = wanted.filter((command) => !alreadyQueued.has(`${command.kind} ${canonical(command.payload)}`));
    for (const command of toQueue) await enqueueStationCommand(tx, { stationId, ...command, requestedBy: 'gateway' });
    return toQueue;
  });
}

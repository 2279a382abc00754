import { getSql } from '@/lib/db/client';
import { STATION_COMMANDS_CHANNEL } from './enqueue-station-command';

/**
 * Calls `onStation` with the station id of every command queued from now on (LISTEN on a
 * connection of its own, re-established by the driver). A wake-up only: the poll finds what a
 * lost notification would have said. Resolves with the function that stops listening.
 */
export async function listenStationCommands(onStation: (stationId: string) => void): Promise<() => Promise<void>> {
  const { unlisten } = await getSql().listen(STATION_COMMANDS_CHANNEL, onStation);
  return unlisten;
}

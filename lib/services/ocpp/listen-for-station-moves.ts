import { getSql } from '@/lib/db/client';
import { STATION_MOVED_CHANNEL } from './claim-station';

/** Calls `onMove(stationId)` when any gateway takes over a station; resolves to the unlisten function. */
export async function listenForStationMoves(onMove: (stationId: string) => void): Promise<() => Promise<void>> {
  const { unlisten } = await getSql().listen(STATION_MOVED_CHANNEL, onMove);
  return unlisten;
}

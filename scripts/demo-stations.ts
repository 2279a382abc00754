// Simulated stations for the demo and `npm run simulate`: the seeded demo roster, or unknown pool
// stations, each a SimulatedStation that keeps trying until the gateway lets it in.
import { DEMO_STATIONS } from '@/lib/seed/demo-stations';
import { SimulatedStation, type Misbehaviour } from '@/lib/simulator';

export type RunningStations = { stations: SimulatedStation[]; stop: () => Promise<void> };

type StartOptions = { url: string; misbehaviour?: Misbehaviour; log?: (line: string) => void };

function run(stations: SimulatedStation[]): RunningStations {
  for (const station of stations) station.start();
  return { stations, stop: async () => void (await Promise.all(stations.map((s) => s.disconnect()))) };
}

/** The first `count` demo roster stations (all of them by default), with their seeded identity and password. */
export function startDemoStations({
  url,
  count = DEMO_STATIONS.length,
  misbehaviour,
  log,
}: StartOptions & { count?: number }): RunningStations {
  return run(
    DEMO_STATIONS.slice(0, count).map(
      ({ ocppId, password, connectors, ...identity }) =>
        new SimulatedStation({ url, ocppId, password, connectors, identity, misbehaviour, log }),
    ),
  );
}

/** `count` stations the product has never seen (SIM-POOL-001…), without a password: they land in the pool. */
export function startPoolStations({ url, count, misbehaviour, log }: StartOptions & { count: number }): RunningStations {
  return run(
    Array.from(
      { length: count },
      (_, i) => new SimulatedStation({ url, ocppId: `SIM-POOL-${String(i + 1).padStart(3, '0')}`, misbehaviour, log }),
    ),
  );
}

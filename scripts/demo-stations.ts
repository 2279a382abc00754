// Simulated stations for the demo and `npm run simulate`: the seeded demo roster, or unknown pool
// stations, each a SimulatedStation that keeps trying until the gateway lets it in. A password the
// gateway provisions (AuthorizationKey) is kept in the data dir, as hardware keeps it over a power
// cycle: a pool station linked in one demo session still gets in after a restart.
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_STATIONS } from '@/lib/seed/demo-stations';
import { SimulatedStation, type Misbehaviour, type SimulatedStationOptions } from '@/lib/simulator';

/** `ready` settles once every station has been handed to its socket (after `beforeConnect`). */
export type RunningStations = { stations: SimulatedStation[]; ready: Promise<void>; stop: () => Promise<void> };

type StartOptions = {
  url: string;
  misbehaviour?: Misbehaviour;
  log?: (line: string) => void;
  /** Runs before a station connects (e.g. registering it through the API); a failure keeps it off line and rejects `ready`. */
  beforeConnect?: (station: SimulatedStation, password: string | null) => Promise<void>;
};

const keysFile = () => path.resolve(process.env.DATA_DIR || '.data', 'simulated-station-keys.json');

function readKeys(): Record<string, string> {
  try {
    return JSON.parse(fs.readFileSync(keysFile(), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

function run(options: SimulatedStationOptions[], beforeConnect?: StartOptions['beforeConnect']): RunningStations {
  const keys = readKeys();
  const passwords = options.map((o) => keys[o.ocppId] ?? o.password ?? null);
  const stations = options.map((o, i) => new SimulatedStation({ ...o, password: passwords[i] }));
  for (const station of stations) {
    station.on('provisioned', ({ password }) => {
      const file = keysFile();
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ ...readKeys(), [station.ocppId]: password }, null, 2), { mode: 0o600 });
    });
  }
  let stopped = false;
  const ready = (async () => {
    for (const [i, station] of stations.entries()) {
      if (beforeConnect) await beforeConnect(station, passwords[i] ?? null);
      if (!stopped) station.start();
    }
  })();
  return {
    stations,
    ready,
    stop: async () => {
      stopped = true;
      await Promise.all(stations.map((s) => s.disconnect()));
    },
  };
}

/** The first `count` demo roster stations (all of them by default), with their seeded identity and password. */
export function startDemoStations({
  url,
  count = DEMO_STATIONS.length,
  misbehaviour,
  log,
  beforeConnect,
}: StartOptions & { count?: number }): RunningStations {
  return run(
    DEMO_STATIONS.slice(0, count).map(({ ocppId, password, connectors, ...identity }) => ({
      url,
      ocppId,
      password,
      connectors,
      identity,
      misbehaviour,
      log,
    })),
    beforeConnect,
  );
}

/** `count` stations the product has never seen (SIM-POOL-001…), without a password: they land in the pool. */
export function startPoolStations({ url, count, misbehaviour, log, beforeConnect }: StartOptions & { count: number }): RunningStations {
  return run(
    Array.from({ length: count }, (_, i) => ({ url, ocppId: `SIM-POOL-${String(i + 1).padStart(3, '0')}`, misbehaviour, log })),
    beforeConnect,
  );
}

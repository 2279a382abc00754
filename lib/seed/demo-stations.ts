// The demo stations a simulator can bring on line: which ocpp ids, with which password and how many
// connectors, and the identity they boot with. Pure data, so scripts read it without a database;
// the demo seed writes these stations from the same values.

/** Every seeded station has this many EVSEs, each with one connector (OCPP connectors 1..n). */
export const DEMO_EVSES_PER_STATION = 2;

/** The Basic-auth password of the demo stations that have one (printed nowhere else; demo only). */
export const DEMO_STATION_PASSWORD = 'demo-station-key-2026';

export type DemoStation = {
  ocppId: string;
  /** Null: a pool station without a password of its own, booted Pending until someone links it. */
  password: string | null;
  connectors: number;
  vendor: string;
  model: string;
  serialNumber: string;
  firmwareVersion: string;
};

type ChargerKind = 'AC' | 'DC';

/** The hardware the seed records for a station of `kind`, numbered `n` in seeding order. */
export function demoHardware(kind: ChargerKind, n: number) {
  const dc = kind === 'DC';
  return {
    vendor: dc ? 'Kempower' : 'Alfen',
    model: dc ? 'S-Series' : 'Eve Double Pro',
    serialNumber: `${dc ? 'KMP' : 'ACE'}${String(100000 + n).padStart(7, '0')}`,
    firmwareVersion: dc ? '1.9.2' : '6.4.0',
  };
}

const station = (ocppId: string, n: number, password: string | null): DemoStation => ({
  ocppId,
  password,
  connectors: DEMO_EVSES_PER_STATION,
  ...demoHardware('AC', n),
});

/**
 * The first three stations of Gemeente Utrecht (linked, at its first location) and two pool
 * stations awaiting an installer. `n` is the station's place in the seed's order, which its serial
 * number derives from.
 */
export const DEMO_STATIONS: readonly DemoStation[] = [
  station('GEM-0001', 1, DEMO_STATION_PASSWORD),
  station('GEM-0002', 2, DEMO_STATION_PASSWORD),
  station('GEM-0003', 3, DEMO_STATION_PASSWORD),
  station('POOL-001', 307, null),
  station('POOL-002', 308, null),
];

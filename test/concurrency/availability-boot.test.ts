import { afterEach, describe, expect, it } from 'vitest';
import type { Gateway } from '@/lib/ocpp/gateway';
import { setAvailability } from '@/lib/services/charge-stations';
import { userContext } from '@/test/fixtures';
import { connectTestStation, eventually, startCommandGateway, stationSyncState } from '@/test/ocpp/commanded-station';
import { makeOcppStation, STATION_PASSWORD } from '@/test/ocpp/support';

type TestStation = Awaited<ReturnType<typeof connectTestStation>>;
const stations: TestStation[] = [];
const gateways: Gateway[] = [];

afterEach(async () => {
  await Promise.all(stations.splice(0).map((s) => s.close()));
  await Promise.all(gateways.splice(0).map((g) => g.close()));
});

const unitStatus = { OPERATIVE: 'Available', INOPERATIVE: 'Unavailable' } as const;

describe('an availability change racing a station’s boot', () => {
  it.each([
    ['INOPERATIVE', 0],
    ['INOPERATIVE', 5],
    ['OPERATIVE', 0],
  ] as const)(
    'ends in one consistent state: %s desired, APPLIED, the station reporting it (change %i ms into the boot)',
    async (availability, delayMs) => {
      const gateway = await startCommandGateway();
      gateways.push(gateway);
      const { station } = await makeOcppStation({ connectorsPerEvse: [1, 1] });
      const cpo = await userContext('cpo_admin');
      // The opposite state first, applied, so the race has something to change.
      const device = await connectTestStation(gateway.port, station.ocppId, { connectorCount: 2, password: STATION_PASSWORD });
      stations.push(device);
      await device.boot();
      const first = availability === 'INOPERATIVE' ? 'OPERATIVE' : 'INOPERATIVE';
      await setAvailability({ ctx: cpo, id: station.id, input: { availability: first } });
      await eventually(
        () => stationSyncState(station.id),
        (s) => s.station.availabilitySync === 'APPLIED' && device.statuses.get(1) === unitStatus[first],
      );

      // The reboot (stations forget Inoperative) and the change meet.
      for (const connector of [1, 2]) await device.reportStatus(connector, 'Available');
      const booting = device.boot();
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      await setAvailability({ ctx: cpo, id: station.id, input: { availability } });
      await booting;

      const settled = await eventually(
        () => stationSyncState(station.id),
        (s) =>
          s.station.availabilitySync === 'APPLIED' &&
          s.evses.every((e) => e.availabilitySync === 'APPLIED') &&
          [1, 2].every((c) => device.statuses.get(c) === unitStatus[availability]),
        10_000,
      );
      expect(settled.station.availability).toBe(availability);
      expect(settled.station.availabilitySync).toBe('APPLIED');
      expect(settled.evses.map((e) => [e.availability, e.availabilitySync])).toEqual([
        [availability, 'APPLIED'],
        [availability, 'APPLIED'],
      ]);
      expect([1, 2].map((c) => device.statuses.get(c))).toEqual([unitStatus[availability], unitStatus[availability]]);
    },
  );
});

import { once } from 'node:events';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { chargeStations, ocppGateways } from '@/lib/db/schema';
import type { Gateway } from '@/lib/ocpp/gateway';
import { claimStation, sweepDeadGateways } from '@/lib/services/ocpp';
import {
  boot,
  connectStation,
  eventually,
  makeOcppStation,
  readEvses,
  readStation,
  startGatewayProcess,
  startTestGateway,
  STATION_PASSWORD,
  type GatewayProcess,
  statusNotification,
} from './support';

let a: Gateway;
let b: GatewayProcess;

beforeAll(async () => {
  [a, b] = await Promise.all([startTestGateway(), startGatewayProcess()]);
});

afterAll(() => b.stop());

describe('two gateway processes on one database (docs/OCPP.md#gateways)', () => {
  it('a station that moves from A to B: the row follows, A closes its socket without marking it offline', async () => {
    const [registered] = await getDb().select().from(ocppGateways).where(eq(ocppGateways.id, b.id));
    expect(registered).toMatchObject({ port: b.port });

    const { station } = await makeOcppStation({ connectorsPerEvse: [1] });
    const onA = await connectStation(a.port, station.ocppId, { password: STATION_PASSWORD });
    await boot(onA);
    expect(await readStation(station.id)).toMatchObject({ connected: true, gatewayId: a.id });

    const closedOnA = once(onA, 'close');
    const onB = await connectStation(b.port, station.ocppId, { password: STATION_PASSWORD });
    await eventually(async () => (await readStation(station.id)).gatewayId === b.id, 3_000, 'the row to move to B');
    await closedOnA;
    await eventually(async () => !a.sessions.has(station.id), 2_000, 'A to drop the session');
    // Whatever A did on closing, the station is B's and connected.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await readStation(station.id)).toMatchObject({ connected: true, gatewayId: b.id });

    // It keeps working on B.
    expect(await boot(onB)).toMatchObject({ status: 'Accepted' });
    await statusNotification(onB, 1, 'Charging');
    expect((await readEvses(station.id))[0]!.status).toBe('CHARGING');
    expect((await readStation(station.id)).status).toBe('CHARGING');

    // B stopping marks its stations offline.
    b.child.kill('SIGTERM');
    await once(b.child, 'exit');
    expect(await readStation(station.id)).toMatchObject({ connected: false, gatewayId: null, availabilitySync: 'OFFLINE' });
    expect(await getDb().select().from(ocppGateways).where(eq(ocppGateways.id, b.id))).toEqual([]);
  });

  it('claiming a station names the gateway that held it before (whom the NOTIFY is for)', async () => {
    const { station } = await makeOcppStation();
    expect(await claimStation({ stationId: station.id, gatewayId: 'gateway-one' })).toEqual({ previousGatewayId: null });
    expect(await claimStation({ stationId: station.id, gatewayId: 'gateway-two' })).toEqual({ previousGatewayId: 'gateway-one' });
    expect(await readStation(station.id)).toMatchObject({ connected: true, gatewayId: 'gateway-two' });
    await getDb().update(chargeStations).set({ connected: false, gatewayId: null }).where(eq(chargeStations.id, station.id));
  });

  it('a gateway silent for 30 s is dead: another one disconnects its stations', async () => {
    const deadId = `dead-${Date.now()}`;
    await getDb()
      .insert(ocppGateways)
      .values({ id: deadId, host: 'gone', pid: 1, port: 1, seenAt: sql`now() - interval '31 seconds'` });
    const { station } = await makeOcppStation({ configuration: { MeterValueSampleInterval: '60' } });
    await getDb().update(chargeStations).set({ connected: true, gatewayId: deadId }).where(eq(chargeStations.id, station.id));
    const alive = await makeOcppStation();
    await getDb().update(chargeStations).set({ connected: true, gatewayId: a.id }).where(eq(chargeStations.id, alive.station.id));

    await sweepDeadGateways({ gatewayId: a.id, silentMs: 30_000 });
    expect(await readStation(station.id)).toMatchObject({
      connected: false,
      gatewayId: null,
      availabilitySync: 'OFFLINE',
      configurationSync: { MeterValueSampleInterval: 'OFFLINE' },
    });
    expect((await readEvses(station.id)).map((evse) => evse.availabilitySync)).toEqual(['OFFLINE']);
    expect(await readStation(alive.station.id)).toMatchObject({ connected: true, gatewayId: a.id });
    expect(await getDb().select().from(ocppGateways).where(eq(ocppGateways.id, deadId))).toEqual([]);
  });
});

import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { makeLocation, makeTenant } from '@/test/fixtures';
import { SimulatedStation } from '@/lib/simulator';
import { connectors, evses } from '@/lib/db/schema';
import {
  boot,
  connectStation,
  eventually,
  makeOcppStation,
  readEvses,
  readStation,
  readStationByOcppId,
  startTestGateway,
  statusNotification,
  uniqueOcppId,
} from './support';

// A pool station arrives with no EVSEs on record; its status reports describe its connectors, so
// the commissioning test has something to check. A linked station's EVSEs are left as people wrote them.

async function connectorsOf(stationId: string) {
  return getDb()
    .select({ position: evses.position, id: connectors.id, standard: connectors.standard, status: connectors.reportedStatus })
    .from(connectors)
    .innerJoin(evses, eq(evses.uid, connectors.evseUid))
    .where(eq(evses.stationId, stationId))
    .orderBy(evses.position);
}

describe('connectors learnt from status reports', () => {
  it('a new pool station is asked for its status after its Pending boot, and its connectors are recorded', async () => {
    const gateway = await startTestGateway();
    const ocppId = uniqueOcppId('POOL');
    const station = new SimulatedStation({ url: `ws://127.0.0.1:${gateway.port}/ocpp`, ocppId, connectors: 2, maxIntervalMs: 60_000 });
    const pending = station.waitFor('pending');
    await station.connect();
    await pending;
    const row = await eventually(() => readStationByOcppId(ocppId), 5000, 'the pool station');
    const reported = async () => {
      const found = await connectorsOf(row.id);
      return found.length === 2 && found.every((c) => c.status) ? found : null;
    };
    const discovered = await eventually(reported, 5000, 'two connectors with their status');
    expect(discovered.map((c) => c.status)).toEqual(['Available', 'Available']);
    expect((await readStation(row.id)).ocppPasswordHash).toBeNull();
    await station.disconnect();
  });

  it('a pool station reporting connectors 1 and 2 gets two EVSEs with one connector each, with their status', async () => {
    const gateway = await startTestGateway();
    const ocppId = uniqueOcppId('POOL');
    const client = await connectStation(gateway.port, ocppId);
    await boot(client);
    const station = await eventually(() => readStationByOcppId(ocppId), 5000, 'the pool station');
    await statusNotification(client, 1, 'Available');
    await statusNotification(client, 2, 'Preparing');
    expect(await connectorsOf(station.id)).toEqual([
      { position: 0, id: '1', standard: 'IEC_62196_T2', status: 'Available' },
      { position: 1, id: '1', standard: 'IEC_62196_T2', status: 'Preparing' },
    ]);
    const [fresh] = await getDb().execute<{ version: number; status: string }>(
      sql`select version, status from charge_stations where id = ${station.id}`,
    );
    expect(fresh!.status).toBe('CHARGING');
    expect(fresh!.version).toBeGreaterThan(station.version);
  });

  it('a linked station reporting a connector it has no record of changes nothing', async () => {
    const gateway = await startTestGateway();
    const { station, password } = await makeOcppStation({ connectorsPerEvse: [1] });
    const tenant = await makeTenant();
    const location = await makeLocation(tenant.id);
    await getDb().execute(sql`update charge_stations set location_id = ${location.id}, tenant_id = ${tenant.id} where id = ${station.id}`);
    const client = await connectStation(gateway.port, station.ocppId, { password: password! });
    await boot(client);
    await statusNotification(client, 3, 'Available');
    expect((await readEvses(station.id)).length).toBe(1);
  });
});

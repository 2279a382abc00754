import { once } from 'node:events';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Gateway } from '@/lib/ocpp/gateway';
import {
  boot,
  connectStation,
  eventually,
  makeOcppStation,
  readStation,
  readStationByOcppId,
  refusedWith,
  startTestGateway,
  STATION_PASSWORD,
  uniqueOcppId,
} from './support';

let pool: Gateway;
let reject: Gateway;

beforeAll(async () => {
  [pool, reject] = await Promise.all([startTestGateway(), startTestGateway({ unknownStations: 'reject', listen: false })]);
});

describe('handshake admission (docs/OCPP.md#endpoint-and-admission)', () => {
  it('accepts a station with its password, and its boot is Accepted with interval 300', async () => {
    const { station } = await makeOcppStation();
    const client = await connectStation(pool.port, station.ocppId, { password: STATION_PASSWORD });
    expect(await boot(client)).toMatchObject({ status: 'Accepted', interval: 300 });
    const row = await readStation(station.id);
    expect(row).toMatchObject({ connected: true, gatewayId: pool.id });
    expect(pool.sessions.get(station.id)?.accepted).toBe(true);
  });

  it('refuses a wrong or missing password with 401, in both modes', async () => {
    const { station } = await makeOcppStation();
    expect(await refusedWith(pool.port, station.ocppId, { password: 'wrong-password-0000' })).toBe(401);
    expect(await refusedWith(pool.port, station.ocppId)).toBe(401);
    expect(await refusedWith(reject.port, station.ocppId, { password: 'wrong-password-0000' })).toBe(401);
    expect(await readStation(station.id)).toMatchObject({ connected: false, gatewayId: null });
  });

  it('accepts a known station without a password in pool mode with a Pending boot, refuses it in reject mode', async () => {
    const { station } = await makeOcppStation({ password: null });
    const client = await connectStation(pool.port, station.ocppId, { password: 'anything-at-all' });
    expect(await boot(client)).toMatchObject({ status: 'Pending', interval: 60 });
    expect(await readStation(station.id)).toMatchObject({ connected: true, gatewayId: pool.id });
    expect(pool.sessions.get(station.id)?.accepted).toBe(false);
    expect(await refusedWith(reject.port, station.ocppId)).toBe(401);
  });

  it('puts an unknown station in the pool from its BootNotification (pool mode), answers Pending', async () => {
    const ocppId = uniqueOcppId('POOL');
    const client = await connectStation(pool.port, ocppId);
    expect(await readStationByOcppId(ocppId)).toBeUndefined();
    const answer = await boot(client, {
      chargePointVendor: 'ABB',
      chargePointModel: 'Terra AC',
      chargePointSerialNumber: 'SN-42',
      firmwareVersion: '1.8.2',
      iccid: '8931',
      imsi: '2040',
    });
    expect(answer).toMatchObject({ status: 'Pending', interval: 60 });
    const row = await readStationByOcppId(ocppId);
    expect(row).toMatchObject({
      tenantId: null,
      locationId: null,
      chargerType: 'AC',
      vendor: 'ABB',
      model: 'Terra AC',
      serialNumber: 'SN-42',
      firmwareVersion: '1.8.2',
      iccid: '8931',
      imsi: '2040',
      connected: true,
      gatewayId: pool.id,
      ocppPasswordHash: null,
    });
    expect(pool.sessions.get(row!.id)?.accepted).toBe(false);
  });

  it('creates one pool row when two sockets of the same unknown station boot at once', async () => {
    const ocppId = uniqueOcppId('RACE');
    const [first, second] = await Promise.all([connectStation(pool.port, ocppId), connectStation(pool.port, ocppId)]);
    const answers = await Promise.all([boot(first), boot(second)]);
    expect(answers.map((answer) => answer.status)).toEqual(['Pending', 'Pending']);
    const { getDb } = await import('@/lib/db/client');
    const { chargeStations } = await import('@/lib/db/schema');
    const { eq } = await import('drizzle-orm');
    const rows = await getDb().select().from(chargeStations).where(eq(chargeStations.ocppId, ocppId));
    expect(rows).toHaveLength(1);
    // The later socket replaced the earlier one.
    await eventually(async () => [first, second].filter((client) => client.state === 1).length === 1, 2_000, 'one open socket');
    expect(await readStation(rows[0]!.id)).toMatchObject({ connected: true, gatewayId: pool.id });
  });

  it('rejects the boot of an unauthenticated socket whose ocpp_id got a password after the handshake', async () => {
    const ocppId = uniqueOcppId('LATE');
    const client = await connectStation(pool.port, ocppId);
    const { getDb } = await import('@/lib/db/client');
    const { chargeStations } = await import('@/lib/db/schema');
    const { hashPassword } = await import('@/lib/auth/password');
    const [station] = await getDb()
      .insert(chargeStations)
      .values({ ocppId, chargerType: 'AC', ocppPasswordHash: await hashPassword(STATION_PASSWORD) })
      .returning();
    const closed = once(client, 'close');
    expect(await boot(client)).toMatchObject({ status: 'Rejected' });
    expect(((await closed) as [{ code: number }])[0].code).toBe(1008);
    expect(await readStation(station!.id)).toMatchObject({ connected: false, gatewayId: null, vendor: null, bootReport: null });
  });

  it('refuses an unknown station with 401 in reject mode, and creates nothing', async () => {
    const ocppId = uniqueOcppId('REJ');
    expect(await refusedWith(reject.port, ocppId)).toBe(401);
    expect(await readStationByOcppId(ocppId)).toBeUndefined();
  });

  it('serves only /ocpp/{ocpp_id}: any other path is 404', async () => {
    const { station } = await makeOcppStation();
    expect(await refusedWith(pool.port, station.ocppId, { password: STATION_PASSWORD, path: '/other' })).toBe(404);
    expect(await refusedWith(pool.port, station.ocppId, { password: STATION_PASSWORD, path: '/ocpp/extra' })).toBe(404);
    expect(await refusedWith(pool.port, station.ocppId, { password: STATION_PASSWORD, path: '' })).toBe(404);
  });

  it('fills the record from the boot only where empty, firmware always', async () => {
    const { station } = await makeOcppStation();
    const { getDb } = await import('@/lib/db/client');
    const { chargeStations } = await import('@/lib/db/schema');
    const { eq } = await import('drizzle-orm');
    await getDb()
      .update(chargeStations)
      .set({ vendor: 'Corrected vendor', firmwareVersion: '0.1' })
      .where(eq(chargeStations.id, station.id));
    const client = await connectStation(pool.port, station.ocppId, { password: STATION_PASSWORD });
    await boot(client, { chargePointVendor: 'Alfen', chargePointModel: 'Eve', chargeBoxSerialNumber: 'BOX-1', firmwareVersion: '6.1' });
    const row = await readStation(station.id);
    expect(row).toMatchObject({ vendor: 'Corrected vendor', model: 'Eve', serialNumber: 'BOX-1', firmwareVersion: '6.1' });
    expect(row.bootReport).toEqual({
      vendor: 'Alfen',
      model: 'Eve',
      serial_number: 'BOX-1',
      firmware_version: '6.1',
      iccid: null,
      imsi: null,
    });
    expect(row.lastBootAt).toBeInstanceOf(Date);
    expect(row.lastHeartbeatAt).toBeInstanceOf(Date);
  });
});

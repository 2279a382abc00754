import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db/client';
import { chargeStations, connectors, evses, stationTransactions } from '@/lib/db/schema';
import type { Gateway } from '@/lib/ocpp/gateway';
import {
  boot,
  connectStation,
  eventually,
  makeOcppStation,
  readEvses,
  readStation,
  startTestGateway,
  STATION_PASSWORD,
  statusNotification,
} from './support';

let gateway: Gateway;
beforeAll(async () => {
  gateway = await startTestGateway();
});

async function bootedStation(connectorsPerEvse = [1]) {
  const made = await makeOcppStation({ connectorsPerEvse });
  const client = await connectStation(gateway.port, made.station.ocppId, { password: STATION_PASSWORD });
  await boot(client);
  return { ...made, client };
}

async function readConnectors(stationId: string) {
  return getDb()
    .select({
      evseUid: connectors.evseUid,
      id: connectors.id,
      reportedStatus: connectors.reportedStatus,
      reportedErrorCode: connectors.reportedErrorCode,
      reportedAt: connectors.reportedAt,
    })
    .from(connectors)
    .innerJoin(evses, eq(evses.uid, connectors.evseUid))
    .where(eq(evses.stationId, stationId))
    .orderBy(evses.position, connectors.position);
}

describe('station → product (docs/OCPP.md#station--product)', () => {
  it('Heartbeat answers the time and sets last_heartbeat_at', async () => {
    const { station } = await makeOcppStation();
    const client = await connectStation(gateway.port, station.ocppId, { password: STATION_PASSWORD });
    expect((await readStation(station.id)).lastHeartbeatAt).toBeNull();
    const before = new Date(Date.now() - 1);
    const answer = (await client.call('Heartbeat', {})) as { currentTime: string };
    expect(Math.abs(Date.parse(answer.currentTime) - Date.now())).toBeLessThan(5_000);
    // Written with the next batch of heard times.
    await eventually(async () => (await readStation(station.id)).lastHeartbeatAt! >= before, 2_000, 'the heartbeat time');
  });

  it('writes last_heartbeat_at for any message heard, at most every 5 s per station', async () => {
    const { station } = await makeOcppStation();
    const client = await connectStation(gateway.port, station.ocppId, { password: STATION_PASSWORD });
    await client.call('Authorize', { idTag: 'TAG' });
    const first = await eventually(async () => (await readStation(station.id)).lastHeartbeatAt, 2_000, 'a heard time');
    await client.call('Heartbeat', {});
    await client.call('Authorize', { idTag: 'TAG' });
    // Longer than the heard writer's interval (500 ms), shorter than the 5 s throttle.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect((await readStation(station.id)).lastHeartbeatAt).toEqual(first);
  });

  it.each([
    ['Available', 'AVAILABLE'],
    ['Preparing', 'CHARGING'],
    ['Charging', 'CHARGING'],
    ['SuspendedEV', 'CHARGING'],
    ['SuspendedEVSE', 'CHARGING'],
    ['Finishing', 'CHARGING'],
    ['Reserved', 'RESERVED'],
    ['Unavailable', 'INOPERATIVE'],
    ['Faulted', 'OUTOFORDER'],
  ])('StatusNotification %s → connector reported, EVSE and station %s', async (reported, ocpi) => {
    const { station, client } = await bootedStation();
    const errorCode = reported === 'Faulted' ? 'GroundFailure' : 'NoError';
    await statusNotification(client, 1, reported, errorCode);
    const [connector] = await readConnectors(station.id);
    expect(connector).toMatchObject({ reportedStatus: reported, reportedErrorCode: errorCode });
    expect(connector!.reportedAt).toBeInstanceOf(Date);
    expect((await readEvses(station.id))[0]!.status).toBe(ocpi);
    expect((await readStation(station.id)).status).toBe(ocpi);
  });

  it('numbers connectors over EVSEs and aggregates EVSE and station status', async () => {
    const { station, client } = await bootedStation([2, 1]);
    expect((await readStation(station.id)).status).toBe('UNKNOWN');
    await statusNotification(client, 1, 'Available');
    let [first, second] = await readEvses(station.id);
    expect([first!.status, second!.status]).toEqual(['AVAILABLE', 'UNKNOWN']);
    expect((await readStation(station.id)).status).toBe('AVAILABLE');

    await statusNotification(client, 2, 'Charging');
    await statusNotification(client, 3, 'Unavailable');
    [first, second] = await readEvses(station.id);
    expect([first!.status, second!.status]).toEqual(['CHARGING', 'INOPERATIVE']);
    expect((await readStation(station.id)).status).toBe('CHARGING');
    expect((await readConnectors(station.id)).map((c) => c.reportedStatus)).toEqual(['Available', 'Charging', 'Unavailable']);

    await statusNotification(client, 3, 'Faulted', 'OverVoltage');
    expect((await readStation(station.id)).status).toBe('OUTOFORDER');
    await statusNotification(client, 3, 'Reserved');
    await statusNotification(client, 2, 'Available');
    [first, second] = await readEvses(station.id);
    expect([first!.status, second!.status]).toEqual(['AVAILABLE', 'RESERVED']);
    expect((await readStation(station.id)).status).toBe('RESERVED');

    // Connector 0 and a number the station has no connector for change no row.
    await statusNotification(client, 0, 'Unavailable');
    await statusNotification(client, 9, 'Faulted');
    expect((await readStation(station.id)).status).toBe('RESERVED');
  });

  it('emits the status on the session for waiters', async () => {
    const { station, client } = await bootedStation();
    const session = gateway.sessions.get(station.id)!;
    const waiting = session.waitFor('status', 2_000, (event) => event.report.connector === 1);
    await statusNotification(client, 1, 'Unavailable');
    expect((await waiting)?.report).toMatchObject({
      connector: 1,
      status: 'INOPERATIVE',
      reportedStatus: 'Unavailable',
      unavailable: true,
    });
    expect(await session.waitFor('heartbeat', 50)).toBeNull();
  });

  it('Authorize accepts, Start/Stop/MeterValues keep a transaction whose id is the row id', async () => {
    const { station, client } = await bootedStation();
    const session = gateway.sessions.get(station.id)!;
    expect(await client.call('Authorize', { idTag: 'ANY-TAG' })).toEqual({ idTagInfo: { status: 'Accepted' } });
    const started = session.waitFor('transaction_started', 2_000);
    const start = (await client.call('StartTransaction', {
      connectorId: 1,
      idTag: 'ANY-TAG',
      meterStart: 1200,
      timestamp: new Date().toISOString(),
    })) as { transactionId: number; idTagInfo: { status: string } };
    expect(start.idTagInfo.status).toBe('Accepted');
    expect(await started).toEqual({ type: 'transaction_started', transactionId: start.transactionId, connector: 1, idTag: 'ANY-TAG' });
    await client.call('MeterValues', {
      connectorId: 1,
      transactionId: start.transactionId,
      meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: '1.5', unit: 'kWh' }] }],
    });
    let [row] = await getDb().select().from(stationTransactions).where(eq(stationTransactions.id, start.transactionId));
    expect(row).toMatchObject({ stationId: station.id, connectorNumber: 1, idTag: 'ANY-TAG', meterStart: 1200, lastMeterWh: 1500 });
    const stopped = session.waitFor('transaction_stopped', 2_000);
    await client.call('StopTransaction', {
      transactionId: start.transactionId,
      meterStop: 2400,
      timestamp: new Date().toISOString(),
      reason: 'Remote',
    });
    expect(await stopped).toEqual({ type: 'transaction_stopped', transactionId: start.transactionId });
    [row] = await getDb().select().from(stationTransactions).where(eq(stationTransactions.id, start.transactionId));
    expect(row).toMatchObject({ meterStop: 2400, stopReason: 'Remote' });
    expect(row!.stoppedAt).toBeInstanceOf(Date);
  });

  it('DataTransfer is UnknownVendorId; firmware and diagnostics status are stored', async () => {
    const { station, client } = await bootedStation();
    expect(await client.call('DataTransfer', { vendorId: 'com.example' })).toEqual({ status: 'UnknownVendorId' });
    await client.call('FirmwareStatusNotification', { status: 'Installed' });
    await client.call('DiagnosticsStatusNotification', { status: 'Uploaded' });
    const [row] = await getDb().select().from(chargeStations).where(eq(chargeStations.id, station.id));
    expect(row).toMatchObject({ firmwareStatus: 'Installed', diagnosticsStatus: 'Uploaded' });
    expect(row!.firmwareStatusAt).toBeInstanceOf(Date);
    expect(row!.diagnosticsStatusAt).toBeInstanceOf(Date);
  });
});

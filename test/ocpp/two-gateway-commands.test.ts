import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorRef } from '@/lib/auth/context';
import { closeDb, getDb } from '@/lib/db/client';
import { chargeStations, stationCommands } from '@/lib/db/schema';
import type { Gateway } from '@/lib/ocpp/gateway';
import { resetChargeStation, setAvailability } from '@/lib/services/charge-stations';
import { makeLocation, makeTenant, userContext } from '@/test/fixtures';
import { connectTestStation, eventually, startCommandGateway, stationSyncState } from './commanded-station';
import { startGatewayProcess } from './support';
import { makeOcppStation, STATION_PASSWORD } from './support';

let a: Gateway;
let b: Awaited<ReturnType<typeof startGatewayProcess>>;

beforeAll(async () => {
  [a, b] = await Promise.all([startCommandGateway(), startGatewayProcess()]);
});

afterAll(async () => {
  await b?.stop();
  await a?.close();
  await closeDb();
});

describe('commands with two gateway processes on one database', () => {
  it('a change made in this process reaches the station held by gateway B (another process)', async () => {
    const tenantId = (await makeTenant('Two gateways')).id;
    const locationId = (await makeLocation(tenantId)).id;
    const { station, evseUids } = await makeOcppStation({ connectorsPerEvse: [2] });
    await getDb().update(chargeStations).set({ tenantId, locationId }).where(eq(chargeStations.id, station.id));
    const ctx = await userContext('customer_admin', [tenantId]);

    const device = await connectTestStation(b.port, station.ocppId, { connectorCount: 2, password: STATION_PASSWORD });
    try {
      // B holds it and has sent the connect-time reconciliation.
      const reconciled = await eventually(
        async () => {
          const [row] = await getDb().select().from(chargeStations).where(eq(chargeStations.id, station.id));
          const open = await getDb()
            .select()
            .from(stationCommands)
            .where(and(eq(stationCommands.stationId, station.id), eq(stationCommands.status, 'QUEUED')));
          return row!.gatewayId === b.id && row!.availabilitySync === 'APPLIED' && open.length === 0;
        },
        Boolean,
        10_000,
      );
      expect(reconciled).toBe(true);
      expect(a.sessions.has(station.id)).toBe(false);

      device.received.length = 0;
      await setAvailability({ ctx, id: station.id, input: { availability: 'INOPERATIVE' } });
      const state = await eventually(
        () => stationSyncState(station.id),
        (s) => s.station.availabilitySync === 'APPLIED' && s.station.availability === 'INOPERATIVE',
        10_000,
      );
      expect(state.station.availabilitySync).toBe('APPLIED');
      expect(state.evses.map((e) => [e.uid, e.availabilitySync])).toEqual([[evseUids[0], 'APPLIED']]);
      expect(device.received).toContainEqual({ method: 'ChangeAvailability', params: { connectorId: 0, type: 'Inoperative' } });
      const [command] = await getDb()
        .select()
        .from(stationCommands)
        .where(and(eq(stationCommands.stationId, station.id), eq(stationCommands.requestedBy, actorRef(ctx.actor))));
      expect(command).toMatchObject({ kind: 'sync_availability', status: 'ACCEPTED', gatewayId: b.id, attempts: 1 });

      const reset = await resetChargeStation({ ctx, id: station.id, input: { type: 'SOFT' } });
      expect(reset).toMatchObject({ status: 'ACCEPTED' });
      expect(device.received).toContainEqual({ method: 'Reset', params: { type: 'Soft' } });
    } finally {
      await device.close();
    }
  });
});

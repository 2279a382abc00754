import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Webhook } from 'standardwebhooks';

// Read once per process by lib/env: deliveries in this file go to a receiver on loopback.
vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', 'true');

const { eq } = await import('drizzle-orm');
const { getDb } = await import('@/lib/db/client');
const { chargeStations } = await import('@/lib/db/schema');
const { createWebhook } = await import('@/lib/services/webhooks');
const { makeTenant, userContext } = await import('@/test/fixtures');
const { boot, connectStation, eventually, makeOcppStation, startTestGateway, STATION_PASSWORD, statusNotification } =
  await import('@/test/ocpp/support');
const { deliverAll, startReceiver } = await import('./receiver');

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let gateway: Awaited<ReturnType<typeof startTestGateway>>;
beforeAll(async () => {
  receiver = await startReceiver();
  gateway = await startTestGateway();
});
afterAll(() => receiver.close());

describe('events of what a station itself does, over a real OCPP connection', () => {
  it('sends connected, status_changed and disconnected, signed, in order, with the station as GET shows it', async () => {
    const tenant = await makeTenant('Station events');
    const ctx = await userContext('customer_admin', [tenant.id]);
    const { station } = await makeOcppStation();
    await getDb().update(chargeStations).set({ tenantId: tenant.id }).where(eq(chargeStations.id, station.id));
    const subscription = await createWebhook({
      ctx,
      input: { url: receiver.url, events: ['charge_station.connected', 'charge_station.status_changed', 'charge_station.disconnected'] },
    });

    const client = await connectStation(gateway.port, station.ocppId, { password: STATION_PASSWORD });
    await boot(client);
    await statusNotification(client, 1, 'Charging');
    await eventually(
      async () => (await getDb().select().from(chargeStations).where(eq(chargeStations.id, station.id)))[0]!.status === 'CHARGING',
    );
    await client.close({ force: true });
    await eventually(async () => !(await getDb().select().from(chargeStations).where(eq(chargeStations.id, station.id)))[0]!.connected);

    await deliverAll(subscription.id);
    const events = receiver.received.map((r) => new Webhook(subscription.secret!).verify(r.body, r.headers as Record<string, string>)) as {
      type: string;
      data: { id: string; status: string; connected: boolean; ocpp_id: string };
    }[];
    expect(events.map((e) => e.type)).toEqual(['charge_station.connected', 'charge_station.status_changed', 'charge_station.disconnected']);
    expect(events.every((e) => e.data.id === station.id && e.data.ocpp_id === station.ocppId)).toBe(true);
    expect(events[0]!.data.connected).toBe(true);
    expect(events[1]!.data.status).toBe('CHARGING');
    expect(events[2]!.data.connected).toBe(false);
  });
});

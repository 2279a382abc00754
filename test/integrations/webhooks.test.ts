import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Webhook } from 'standardwebhooks';

// Read once per process by lib/env: deliveries in this file go to a receiver on loopback. Every
// delivery test is in this file: a delivery round of another file would send this file's deliveries.
vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', 'true');

const { sql, eq } = await import('drizzle-orm');
const { getDb } = await import('@/lib/db/client');
const { chargeStations, webhookDeliveries, webhookEvents, webhookSubscriptions } = await import('@/lib/db/schema');
const { createLocation, updateLocation } = await import('@/lib/services/locations');
const { writeTransaction } = await import('@/lib/services/shared/change-order');
const webhooks = await import('@/lib/services/webhooks');
const { isPrivateAddress, sendWebhook } = await import('@/lib/services/webhooks/send-webhook');
const { API_PLACE, makeTenant, userContext } = await import('@/test/fixtures');
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

const bodies = (subscriptionSecret: string) =>
  receiver.received.map((r) => {
    const verified = new Webhook(subscriptionSecret).verify(r.body, r.headers as Record<string, string>) as {
      type: string;
      data: { id: string; name?: string };
    };
    return { id: r.headers['webhook-id'], type: verified.type, name: verified.data.name, objectId: verified.data.id };
  });

async function setup(events: ('location.created' | 'location.updated')[] = ['location.created', 'location.updated']) {
  const tenant = await makeTenant('Hooks');
  const ctx = await userContext('customer_admin', [tenant.id]);
  const subscription = await webhooks.createWebhook({ ctx, input: { url: receiver.url, events } });
  receiver.received.length = 0;
  return { tenant, ctx, subscription };
}

describe('webhook deliveries to a real receiver', () => {
  it('signs per Standard Webhooks: the standardwebhooks verifier accepts it, data is the API object', async () => {
    const { ctx, subscription } = await setup();
    expect(subscription.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const location = await createLocation({ ctx, input: { name: 'Signed', ...API_PLACE } });
    await deliverAll(subscription.id);
    const [only] = bodies(subscription.secret!);
    expect(only).toMatchObject({ type: 'location.created', objectId: location.id, name: 'Signed' });
    const payload = JSON.parse(receiver.received[0]!.body);
    expect(Object.keys(payload)).toEqual(['type', 'timestamp', 'data']);
    expect(payload.data).toMatchObject({ id: location.id, city: 'Utrecht', version: 1 });
    // A tampered body fails verification.
    expect(() =>
      new Webhook(subscription.secret!).verify(`${receiver.received[0]!.body} `, receiver.received[0]!.headers as never),
    ).toThrow();
    const [log] = (await webhooks.listWebhookDeliveries({ ctx, id: subscription.id, query: { limit: 10 } })).data;
    expect(log).toMatchObject({ status: 'SUCCEEDED', attempts: 1, response_status: 204, event_type: 'location.created' });
    expect(log!.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('retries a failed delivery with the same webhook-id, and keeps the order per object', async () => {
    const { ctx, subscription } = await setup();
    receiver.statuses.push(500);
    const location = await createLocation({ ctx, input: { name: 'First', ...API_PLACE } });
    await updateLocation({ ctx, id: location.id, body: { name: 'Second' }, mode: 'merge' });
    await deliverAll(subscription.id);
    // The created event failed once and waits for its retry; the update waits behind it.
    expect(receiver.received).toHaveLength(1);
    const [failed] = (
      await webhooks.listWebhookDeliveries({ ctx, id: subscription.id, query: { limit: 10, status: 'PENDING' } })
    ).data.filter((d) => d.event_type === 'location.created');
    expect(failed).toMatchObject({ attempts: 1, response_status: 500, error: 'the receiver answered 500' });
    expect(Date.parse(failed!.next_attempt_at!)).toBeGreaterThan(Date.now());

    await getDb()
      .update(webhookDeliveries)
      .set({ nextAttemptAt: sql`clock_timestamp()` })
      .where(eq(webhookDeliveries.id, failed!.id));
    await deliverAll(subscription.id);
    const seen = bodies(subscription.secret!);
    expect(seen.map((s) => [s.type, s.name])).toEqual([
      ['location.created', 'First'],
      ['location.created', 'First'],
      ['location.updated', 'Second'],
    ]);
    expect(seen[1]!.id).toBe(seen[0]!.id);
    expect(seen[2]!.id).not.toBe(seen[0]!.id);

    // The retry button: the same delivery again, same webhook-id.
    await webhooks.retryWebhookDelivery({ ctx, id: subscription.id, deliveryId: failed!.id });
    await deliverAll(subscription.id);
    expect(receiver.received.at(-1)!.headers['webhook-id']).toBe(seen[0]!.id);
  });

  it('sends nothing for a rolled-back change', async () => {
    const { tenant, ctx, subscription } = await setup();
    let createdId = '';
    await expect(
      writeTransaction(async () => {
        createdId = (await createLocation({ ctx, input: { name: 'Never', ...API_PLACE, tenant_id: tenant.id } })).id;
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(createdId).not.toBe('');
    expect(await getDb().select().from(webhookEvents).where(eq(webhookEvents.objectId, createdId))).toEqual([]);
    await deliverAll(subscription.id);
    expect(receiver.received).toEqual([]);
  });

  it("never sends another tenant's events to a tenant's subscription; a CPO-wide one receives both", async () => {
    const { ctx, subscription } = await setup(['location.created']);
    const other = await makeTenant('Other');
    const otherCtx = await userContext('customer_admin', [other.id]);
    const admin = await userContext('cpo_admin');
    const cpoWide = await webhooks.createWebhook({
      ctx: admin,
      input: { url: `${receiver.url}?all`, events: ['location.created'], tenant_id: null },
    });
    expect(cpoWide.tenant_id).toBeNull();
    await expect(
      webhooks.createWebhook({ ctx, input: { url: receiver.url, events: ['location.created'], tenant_id: null } }),
    ).rejects.toMatchObject({
      code: 'forbidden',
    });
    const foreign = await createLocation({ ctx: otherCtx, input: { name: 'Foreign', ...API_PLACE } });
    const own = await createLocation({ ctx, input: { name: 'Own', ...API_PLACE } });
    await deliverAll(subscription.id);
    await deliverAll(cpoWide.id);
    const tenantOnly = await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, subscription.id));
    expect(tenantOnly.map((d) => d.objectId)).toEqual([own.id]);
    const all = await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, cpoWide.id));
    expect(all.map((d) => d.objectId)).toEqual(expect.arrayContaining([own.id, foreign.id]));
    await webhooks.deleteWebhook({ ctx: admin, id: cpoWide.id });
    // The other tenant cannot see the subscription at all.
    await expect(webhooks.getWebhook({ ctx: otherCtx, id: subscription.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('delivers the test event', async () => {
    const { ctx, subscription } = await setup();
    const queued = await webhooks.sendTestWebhook({ ctx, id: subscription.id });
    expect(queued).toMatchObject({ event_type: 'webhook.test', status: 'PENDING' });
    await deliverAll(subscription.id);
    const [test] = bodies(subscription.secret!);
    expect(test).toMatchObject({ type: 'webhook.test', objectId: subscription.id, id: queued.event_id });
  });

  it('disables a subscription after a day of failures, with the reason', async () => {
    const { ctx, subscription } = await setup();
    receiver.statuses.push(503);
    await getDb()
      .update(webhookSubscriptions)
      .set({ failingSince: sql`clock_timestamp() - interval '25 hours'` })
      .where(eq(webhookSubscriptions.id, subscription.id));
    await createLocation({ ctx, input: { name: 'Failing', ...API_PLACE } });
    await deliverAll(subscription.id);
    const shown = await webhooks.getWebhook({ ctx, id: subscription.id });
    expect(shown.enabled).toBe(false);
    expect(shown.disabled_reason).toMatch(/24 hours of failed deliveries; the last: the receiver answered 503/);
    // Enabled again by its owner: the reason is cleared and the waiting delivery goes out.
    const enabled = await webhooks.updateWebhook({ ctx, id: subscription.id, body: { enabled: true } });
    expect(enabled).toMatchObject({ enabled: true, disabled_reason: null, failing_since: null });
  });

  it('gives a delivery up after 24 hours', async () => {
    const { ctx, subscription } = await setup();
    receiver.statuses.push(500);
    await createLocation({ ctx, input: { name: 'Old', ...API_PLACE } });
    await getDb()
      .update(webhookDeliveries)
      .set({ createdAt: sql`clock_timestamp() - interval '23 hours 59 minutes 58 seconds'` })
      .where(eq(webhookDeliveries.subscriptionId, subscription.id));
    await deliverAll(subscription.id);
    const [log] = (await webhooks.listWebhookDeliveries({ ctx, id: subscription.id, query: { limit: 10 } })).data;
    expect(log).toMatchObject({ status: 'FAILED', attempts: 1, next_attempt_at: null });
  });
});

describe('a receiver that answers and then trickles its body', () => {
  it('is done with at its status line: it cannot hold the worker', async () => {
    const trickling = http.createServer((_req, res) => {
      res.writeHead(200);
      res.write('.'); // and never ends
    });
    await new Promise<void>((resolve) => trickling.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(trickling.address() as AddressInfo).port}/`;
    const started = Date.now();
    const result = await sendWebhook(
      { id: 'msg_trickle', body: '{}', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', url },
      { allowPrivate: true },
    );
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(Date.now() - started).toBeLessThan(5_000);
    trickling.closeAllConnections();
    await new Promise((resolve) => trickling.close(resolve));
  });
});

describe('SSRF guard', () => {
  it('refuses private, loopback and link-local targets unless allowed', async () => {
    receiver.received.length = 0;
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '2001:4860:4860::8888', '172.32.0.1']) expect(isPrivateAddress(address), address).toBe(false);
    const message = { id: 'msg_1', body: '{}', secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' };
    for (const url of [receiver.url, 'http://[::1]:9/x', 'http://169.254.169.254/latest/meta-data', 'http://localhost:9/']) {
      const result = await sendWebhook({ ...message, url }, { allowPrivate: false });
      expect(result.ok, url).toBe(false);
      expect(result.error, url).toMatch(/^refused: /);
    }
    expect(receiver.received).toHaveLength(0);
    expect(await sendWebhook({ ...message, url: 'file:///etc/passwd' }, { allowPrivate: true })).toMatchObject({ ok: false });
    for (const address of ['::7f00:1', '64:ff9b::7f00:1', '2002:7f00:1::1', 'fec0::1'])
      expect(isPrivateAddress(address), address).toBe(true);
    expect((await sendWebhook({ ...message, url: receiver.url }, { allowPrivate: true })).ok).toBe(true);
  });
});

describe('events of what a station itself does, over a real OCPP connection', () => {
  it('sends connected, status_changed and disconnected, signed, in order, with the station as GET shows it', async () => {
    const tenant = await makeTenant('Station events');
    receiver.received.length = 0;
    const ctx = await userContext('customer_admin', [tenant.id]);
    const { station } = await makeOcppStation();
    await getDb().update(chargeStations).set({ tenantId: tenant.id }).where(eq(chargeStations.id, station.id));
    const subscription = await webhooks.createWebhook({
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

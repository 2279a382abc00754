import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { startWebhookReceiver, type WebhookReceiver } from '@/examples/support/webhook-receiver';

// The CRM example's receiver: deliveries signed per Standard Webhooks are accepted and handed on,
// anything else is refused and fails the wait.
const secret = `whsec_${randomBytes(24).toString('base64')}`;
let receiver: WebhookReceiver;
afterEach(() => receiver.close());

function deliver(url: string, event: object, signWith = secret) {
  const id = `msg_${randomBytes(6).toString('hex')}`;
  const at = new Date();
  const body = JSON.stringify(event);
  return fetch(url, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'webhook-id': id,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(signWith).sign(id, at, body),
    },
  });
}

const created = (id: string) => ({ type: 'location.created', timestamp: new Date().toISOString(), data: { id } });

describe('startWebhookReceiver', () => {
  it('accepts signed deliveries and resolves with the one waited for', async () => {
    receiver = await startWebhookReceiver();
    receiver.setSecret(secret);
    const waiting = receiver.waitFor((e) => e.data.id === 'wanted', 5000);
    expect((await deliver(receiver.url, created('other'))).status).toBe(204);
    expect((await deliver(receiver.url, created('wanted'))).status).toBe(204);
    expect(await waiting).toMatchObject({ type: 'location.created', data: { id: 'wanted' } });
  });

  it('refuses a delivery signed with another secret, and the wait fails', async () => {
    receiver = await startWebhookReceiver();
    receiver.setSecret(secret);
    const waiting = expect(receiver.waitFor(() => true, 5000)).rejects.toThrow(/signature verification/);
    const forged = await deliver(receiver.url, created('wanted'), `whsec_${randomBytes(24).toString('base64')}`);
    expect(forged.status).toBe(400);
    await waiting;
  });

  it('refuses deliveries before the secret is known and other paths; the wait is bounded', async () => {
    receiver = await startWebhookReceiver();
    expect((await deliver(receiver.url, created('early'))).status).toBe(404);
    receiver.setSecret(secret);
    expect((await deliver(receiver.url.replace(/[^/]+$/, 'guess'), created('wanted'))).status).toBe(404);
    await expect(receiver.waitFor(() => true, 200)).rejects.toThrow('no matching webhook within 0.2 s');
  });
});

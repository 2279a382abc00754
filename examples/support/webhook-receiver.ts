// A webhook endpoint as a CRM runs one: node:http on 127.0.0.1 (a random port), verifying every
// delivery's signature per the Standard Webhooks specification before accepting it (2xx), and
// handing the verified events to whoever waits for one.
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type WebhookEvent = { type: string; timestamp: string; data: Record<string, unknown>; webhookId: string };

export type WebhookReceiver = {
  url: string;
  /** The secret of the subscription, once the API has answered with it: deliveries before that are refused (non-2xx, so retried). */
  setSecret: (secret: string) => void;
  /** The first verified event `matches` accepts, or an error after `timeoutMs` or on a delivery whose signature fails. */
  waitFor: (matches: (event: WebhookEvent) => boolean, timeoutMs: number) => Promise<WebhookEvent>;
  close: () => Promise<void>;
};

const BODY_MAX = 1024 * 1024;

export async function startWebhookReceiver(log: (line: string) => void = () => {}): Promise<WebhookReceiver> {
  let webhook: Webhook | null = null;
  const events: WebhookEvent[] = [];
  let failure: Error | null = null;
  let notify = () => {};
  // An unguessable path: only the subscription's deliveries come here.
  const path = `/crm-webhook/${randomBytes(8).toString('hex')}`;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_MAX) chunks.push(chunk);
    });
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== path || size > BODY_MAX || !webhook) return void res.writeHead(404).end();
      const body = Buffer.concat(chunks).toString('utf8');
      try {
        const payload = webhook.verify(body, req.headers as Record<string, string>) as Omit<WebhookEvent, 'webhookId'>;
        events.push({ ...payload, webhookId: String(req.headers['webhook-id']) });
        log(`webhook ${payload.type} received (webhook-id ${req.headers['webhook-id']}), signature verified`);
        res.writeHead(204).end();
      } catch (error) {
        failure = new Error(`a delivery failed signature verification: ${error instanceof Error ? error.message : String(error)}`);
        res.writeHead(400).end();
      }
      notify();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    setSecret: (secret) => void (webhook = new Webhook(secret)),
    waitFor: (matches, timeoutMs) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching webhook within ${timeoutMs / 1000} s`)), timeoutMs);
        notify = () => {
          const found = events.find(matches);
          if (!found && !failure) return;
          clearTimeout(timer);
          if (found) resolve(found);
          else reject(failure);
        };
        notify();
      }),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

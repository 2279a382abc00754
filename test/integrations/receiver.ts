import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db/client';
import { deliverDueWebhooks } from '@/lib/services/webhooks';

export type Received = { headers: http.IncomingHttpHeaders; body: string };

/** A real HTTP receiver on loopback that answers each request with the next queued status (default 204). */
export function startReceiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.statusCode = statuses.shift() ?? 204;
      res.end();
    });
  });
  return new Promise<{ url: string; received: Received[]; statuses: number[]; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
        received,
        statuses,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

/** Runs delivery rounds until the subscription has nothing due and unblocked (bounded). */
export async function deliverAll(subscriptionId: string) {
  for (let round = 0; round < 50; round += 1) {
    await deliverDueWebhooks();
    const [{ due }] = (await getDb().execute(
      sql`select count(*)::int as due from webhook_deliveries d
          where subscription_id = ${subscriptionId} and status = 'PENDING' and next_attempt_at <= clock_timestamp()
            and not exists (select 1 from webhook_deliveries p where p.subscription_id = d.subscription_id
              and p.object_id = d.object_id and p.status = 'PENDING' and p.seq < d.seq)`,
    )) as unknown as [{ due: number }];
    if (due === 0) return;
  }
  throw new Error('deliveries still due after 50 rounds');
}

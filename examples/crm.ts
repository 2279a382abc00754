// `npm run example:crm`: what a CRM integration does, against a running server, through the typed
// client (lib/api-client). It subscribes to `location.created` webhooks (its receiver runs here, on
// 127.0.0.1), creates a tenant and a location in it, each with an Idempotency-Key so a retry after
// a lost answer cannot create a second one, waits for the location's webhook, verifies its
// signature, and deletes the subscription. Exits 0 when all of that happened, 1 otherwise.
//
//   CLM_API_URL  where the server is (default http://127.0.0.1:3000)
//   CLM_API_KEY  a cpo_admin key, e.g. the server's ADMIN_API_KEY (required)
//
// The server delivers to a loopback receiver only with WEBHOOK_ALLOW_PRIVATE=true.
import { randomBytes } from 'node:crypto';
import { createApiClient } from '@/lib/api-client';
import { retryingFetch } from './support/retrying-fetch';
import { startWebhookReceiver } from './support/webhook-receiver';

const WEBHOOK_WAIT_MS = 20_000;

const baseUrl = process.env.CLM_API_URL || 'http://127.0.0.1:3000';
const apiKey = process.env.CLM_API_KEY;
if (!apiKey) {
  console.error('CLM_API_KEY is required: an admin API key of the server at CLM_API_URL (e.g. its ADMIN_API_KEY).');
  process.exit(1);
}

const log = (line: string) => console.log(`crm: ${line}`);
const send = retryingFetch({ log });
const api = createApiClient({ baseUrl, apiKey, fetch: send });
// Stands for the CRM record's id: the Idempotency-Keys and external ids derive from it.
const record = randomBytes(4).toString('hex');

/** The created object of a typed POST, or an error naming the status and the problem's detail. */
async function created<T extends { id: string }>(what: string, call: Promise<{ data?: T; error?: unknown; response: Response }>) {
  const { data, error, response } = await call;
  if (!data) {
    const problem = error as { title?: string; detail?: string } | undefined;
    throw new Error(`creating the ${what}: ${response.status} ${problem?.title ?? ''}: ${problem?.detail ?? ''}`);
  }
  const replayed = response.headers.get('idempotent-replayed') === 'true';
  log(`${what} ${data.id} created${replayed ? ' (the answer replayed the first attempt’s: no duplicate)' : ''}`);
  return data;
}

/** Deletes the webhook subscription; DELETE answers 204 without a body. */
async function deleteSubscription(id: string) {
  const { response, error } = await api.DELETE('/api/v2/webhooks/{id}', { params: { path: { id } } });
  if (response.status !== 204) throw new Error(`deleting webhook subscription ${id}: ${response.status} ${error?.detail ?? ''}`);
  log(`webhook subscription ${id} deleted`);
}

async function main() {
  const receiver = await startWebhookReceiver(log);
  let subscriptionId: string | null = null;
  try {
    const subscription = await created(
      'webhook subscription',
      api.POST('/api/v2/webhooks', {
        params: { header: { 'Idempotency-Key': `crm-${record}-webhook` } },
        body: { url: receiver.url, events: ['location.created'], description: `CRM example ${record}` },
      }),
    );
    subscriptionId = subscription.id;
    // A replay of the create (a retry after a lost answer) does not carry the secret again.
    if (!subscription.secret) throw new Error(`webhook subscription ${subscription.id} came back without its secret`);
    receiver.setSecret(subscription.secret);
    log(`webhook subscription ${subscription.id} for location.created → ${receiver.url}`);

    const tenant = await created(
      'tenant',
      api.POST('/api/v2/tenants', {
        params: { header: { 'Idempotency-Key': `crm-${record}-tenant` } },
        body: { slug: `crm-example-${record}`, name: `CRM example ${record}`, kind: 'B2B', external_id: `SF-ACC-${record}` },
      }),
    );
    const location = await created(
      'location',
      api.POST('/api/v2/locations', {
        params: { header: { 'Idempotency-Key': `crm-${record}-location` } },
        body: {
          tenant_id: tenant.id,
          external_id: `SF-LOC-${record}`,
          name: 'Parkzicht garage',
          address: 'Parklaan 12',
          city: 'Utrecht',
          postal_code: '3581 AB',
          country: 'NLD',
          coordinates: { latitude: 52.0907, longitude: 5.1214 },
        },
      }),
    );

    const started = Date.now();
    const event = await receiver.waitFor((e) => e.type === 'location.created' && e.data.id === location.id, WEBHOOK_WAIT_MS);
    if (event.data.tenant_id !== tenant.id) throw new Error(`the webhook names tenant ${String(event.data.tenant_id)}, not ${tenant.id}`);
    log(`location.created for ${location.id} arrived after ${((Date.now() - started) / 1000).toFixed(1)} s, signature verified`);
  } finally {
    if (subscriptionId) {
      await deleteSubscription(subscriptionId).catch((error: unknown) => {
        console.error(`crm: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      });
    }
    await receiver.close();
  }
}

main().then(
  () => {
    if (!process.exitCode) log('done');
    process.exit(process.exitCode ?? 0);
  },
  (error: unknown) => {
    console.error(`crm: failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
